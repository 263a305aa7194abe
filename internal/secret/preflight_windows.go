//go:build windows

package secret

import "golang.org/x/sys/windows"

// How to get more locked memory, for Report.Warning.
const raiseHint = "close other programs and start immivault again"

// On Windows VirtualLock is bounded by the process's minimum working set,
// not by a per-user limit: by default a few hundred KiB, less than
// WantedLockedMemory, and memguard does not grow it. So memlockLimit first
// asks Windows to grow the working set by what immivault wants, then
// measures what can really be locked by locking page after page of a
// scratch allocation (and releasing it), which is the only figure that
// holds whatever the cause of a refusal: the working set, the system's
// memory pressure, or, under Wine, Linux's RLIMIT_MEMLOCK.
func memlockLimit() (limit uint64, raised, unlimited bool) {
	raised = growWorkingSet(WantedLockedMemory + 16*uint64(pageSize))
	return lockable(WantedLockedMemory), raised, false
}

// growWorkingSet raises the minimum (and if need be the maximum) working
// set by extra bytes.
func growWorkingSet(extra uint64) bool {
	p := windows.CurrentProcess()
	var lo, hi uintptr
	var flags uint32
	windows.GetProcessWorkingSetSizeEx(p, &lo, &hi, &flags)
	if lo == 0 {
		return false
	}
	lo += uintptr(extra)
	hi = max(hi, lo+uintptr(extra))
	return windows.SetProcessWorkingSetSizeEx(p, lo, hi, flags) == nil
}

// lockable reports how many bytes, up to want, VirtualLock accepts now.
func lockable(want uint64) uint64 {
	page := uintptr(pageSize)
	n := uintptr(want) / page
	base, err := windows.VirtualAlloc(0, n*page, windows.MEM_COMMIT|windows.MEM_RESERVE, windows.PAGE_READWRITE)
	if err != nil {
		return 0
	}
	defer windows.VirtualFree(base, 0, windows.MEM_RELEASE)
	locked := uintptr(0)
	for locked < n && windows.VirtualLock(base+locked*page, page) == nil {
		locked++
	}
	if locked > 0 {
		windows.VirtualUnlock(base, locked*page)
	}
	return uint64(locked * page)
}
