package ocr

import (
	"bytes"
	"context"
	"time"

	"github.com/tetratelabs/wazero/api"
)

// hostModule is the name the module imports everything from: emscripten's minifier renamed
// "env" and "wasi_snapshot_preview1" to "a", and each import to a letter or two.
const hostModule = "a"

// importNames maps the module's minified import names to what they are in emscripten's
// library, as tesseract-wasm 0.11.0's JavaScript (dist/tesseract-worker.js, wasmImports) binds
// them. It is only valid for that build: the embedded module's SHA-256 is checked in tests.
var importNames = map[string]string{
	"e": "__cxa_throw", "s": "__syscall_fcntl64", "F": "__syscall_getcwd", "H": "__syscall_ioctl",
	"t": "__syscall_openat", "B": "__syscall_rmdir", "C": "__syscall_unlinkat",
	"g": "_embind_finalize_value_object", "y": "_embind_register_bigint", "Q": "_embind_register_bool",
	"k": "_embind_register_class", "j": "_embind_register_class_constructor",
	"a": "_embind_register_class_function", "P": "_embind_register_emval", "w": "_embind_register_enum",
	"q": "_embind_register_enum_value", "v": "_embind_register_float", "d": "_embind_register_integer",
	"b": "_embind_register_memory_view", "u": "_embind_register_std_string",
	"o": "_embind_register_std_wstring", "i": "_embind_register_value_object",
	"c": "_embind_register_value_object_field", "R": "_embind_register_void",
	"J": "_emscripten_get_now_is_monotonic", "T": "_emval_call", "f": "_emval_decref",
	"p": "_emval_incref", "m": "_emval_take_value", "K": "_gmtime_js", "L": "_localtime_js",
	"M": "_mktime_js", "N": "_tzset_js", "h": "abort", "l": "emscripten_date_now",
	"I": "emscripten_get_now", "O": "emscripten_memcpy_big", "A": "emscripten_resize_heap",
	"D": "environ_get", "E": "environ_sizes_get", "n": "fd_close", "G": "fd_read", "x": "fd_seek",
	"r": "fd_write", "S": "strftime", "z": "strftime_l",
}

// moduleEnv is the module's whole environment: one variable, which tesseract reads as its
// static constructors run to choose its dot product. Without it tesseract uses its generic C++
// loops, since the build cannot detect the CPU's SIMD (there is no CPUID in WebAssembly);
// "sse" selects its SSE4.1 code, which this build compiled to WebAssembly's 128-bit SIMD.
const moduleEnv = "DOTPRODUCT=sse"

// The module's minified exports.
const (
	exportCtors  = "V" // __wasm_call_ctors: runs the static constructors, embind's registrations among them
	exportMalloc = "W"
	exportFree   = "Y"
)

// Emscripten's errno values (musl's, as WASI numbers them), negated as its syscalls return them.
const (
	errnoACCES  = 2
	errnoBADF   = 8
	errnoNOENT  = 44
	errnoNOSYS  = 52
	errnoSPIPE  = 70
	wasmPageLen = 1 << 16
)

// instance is the state of one module instance that its host functions reach through the
// context of the call: the bindings it declared, what it wrote to stderr, and whether it
// asked for memory it could not have.
type instance struct {
	reg      *registry
	stderr   tailBuffer
	start    time.Time
	maxPages uint32
	outOfMem bool
	aborted  bool
	progress func(percent int) // nil for none
}

type instanceKey struct{}

func instanceOf(ctx context.Context) *instance {
	in, _ := ctx.Value(instanceKey{}).(*instance)
	if in == nil {
		trap("host function called outside an OCR call")
	}
	return in
}

// hostFunctions are the module's imports by their emscripten names. The embind ones go to the
// instance's registry; the rest are emscripten's runtime, as its JavaScript with FILESYSTEM=0
// provides it, less what it would reach of the host: no file opens (there is no file system),
// the environment is moduleEnv alone, the time zone is UTC, and what tesseract prints is kept (the tail
// of stderr, for errors) rather than shown.
func hostFunctions() map[string]any {
	fns := map[string]any{
		"__cxa_throw": func(ctx context.Context, m api.Module, ptr, typ, destructor uint32) {
			in := instanceOf(ctx)
			if in.outOfMem {
				trap("%w", ErrOutOfMemory)
			}
			trap("tesseract failed (C++ exception)%s", in.stderr.lastLine())
		},
		"abort": func(ctx context.Context, m api.Module) {
			in := instanceOf(ctx)
			in.aborted = true
			if in.outOfMem {
				trap("%w", ErrOutOfMemory)
			}
			trap("tesseract aborted%s", in.stderr.lastLine())
		},
		"__syscall_fcntl64": func(ctx context.Context, m api.Module, fd, cmd, varargs uint32) int32 { return 0 },
		"__syscall_ioctl":   func(ctx context.Context, m api.Module, fd, op, varargs uint32) int32 { return 0 },
		"__syscall_getcwd":  func(ctx context.Context, m api.Module, buf, size uint32) int32 { return -errnoNOSYS },
		"__syscall_openat": func(ctx context.Context, m api.Module, dirfd, path, flags, varargs uint32) int32 {
			return -errnoNOENT
		},
		"__syscall_rmdir":                  func(ctx context.Context, m api.Module, path uint32) int32 { return -errnoACCES },
		"__syscall_unlinkat":               func(ctx context.Context, m api.Module, dirfd, path, flags uint32) int32 { return -errnoACCES },
		"_emscripten_get_now_is_monotonic": func(ctx context.Context, m api.Module) uint32 { return 1 },
		"emscripten_get_now": func(ctx context.Context, m api.Module) float64 {
			return float64(time.Since(instanceOf(ctx).start).Microseconds()) / 1000
		},
		"emscripten_date_now": func(ctx context.Context, m api.Module) float64 {
			return float64(time.Now().UnixMicro()) / 1000
		},
		"_gmtime_js":    func(ctx context.Context, m api.Module, t, tm uint32) { writeTm(m, t, tm) },
		"_localtime_js": func(ctx context.Context, m api.Module, t, tm uint32) { writeTm(m, t, tm) },
		"_mktime_js":    func(ctx context.Context, m api.Module, tm uint32) int32 { return mktime(m, tm) },
		"_tzset_js": func(ctx context.Context, m api.Module, timezone, daylight, tzname uint32) {
			m.Memory().WriteUint32Le(timezone, 0)
			m.Memory().WriteUint32Le(daylight, 0)
		},
		"strftime":   func(ctx context.Context, m api.Module, s, max, format, tm uint32) uint32 { return 0 },
		"strftime_l": func(ctx context.Context, m api.Module, s, max, format, tm, loc uint32) uint32 { return 0 },
		"emscripten_memcpy_big": func(ctx context.Context, m api.Module, dst, src, n uint32) {
			to, ok1 := m.Memory().Read(dst, n)
			from, ok2 := m.Memory().Read(src, n)
			if !ok1 || !ok2 {
				trap("memcpy outside memory")
			}
			copy(to, from)
		},
		"emscripten_resize_heap": func(ctx context.Context, m api.Module, requested uint32) uint32 {
			return resizeHeap(instanceOf(ctx), m.Memory(), requested)
		},
		"environ_sizes_get": func(ctx context.Context, m api.Module, count, size uint32) uint32 {
			m.Memory().WriteUint32Le(count, 1)
			m.Memory().WriteUint32Le(size, uint32(len(moduleEnv)+1))
			return 0
		},
		"environ_get": func(ctx context.Context, m api.Module, environ, buf uint32) uint32 {
			if !m.Memory().WriteUint32Le(environ, buf) || !m.Memory().WriteString(buf, moduleEnv) || !m.Memory().WriteByte(buf+uint32(len(moduleEnv)), 0) {
				trap("environment outside memory")
			}
			return 0
		},
		"fd_close": func(ctx context.Context, m api.Module, fd uint32) uint32 {
			if fd <= 2 {
				return 0
			}
			return errnoBADF
		},
		"fd_read": func(ctx context.Context, m api.Module, fd, iov, iovcnt, nread uint32) uint32 { return errnoBADF },
		"fd_seek": func(ctx context.Context, m api.Module, fd, offLo, offHi, whence, newOff uint32) uint32 {
			return errnoSPIPE
		},
		"fd_write": func(ctx context.Context, m api.Module, fd, iov, iovcnt, nwritten uint32) uint32 {
			if fd != 1 && fd != 2 {
				return errnoBADF
			}
			in := instanceOf(ctx)
			var total uint32
			for i := range iovcnt {
				v := u32s(m, iov+8*i, 2)
				b, ok := m.Memory().Read(v[0], v[1])
				if !ok {
					trap("write outside memory")
				}
				in.stderr.Write(b)
				total += v[1]
			}
			m.Memory().WriteUint32Le(nwritten, total)
			return 0
		},
	}
	// The embind imports, each reaching the calling instance's registry.
	for name, f := range embindImports() {
		fns[name] = f
	}
	return fns
}

// resizeHeap grows memory for malloc as emscripten's JavaScript does (up to 20% over what is
// asked, so that a run of small growths is not a run of copies), within the instance's limit.
// A refusal makes malloc return NULL: tesseract then throws std::bad_alloc, or Leptonica
// reports "malloc fail", and the call fails with ErrOutOfMemory.
func resizeHeap(in *instance, mem api.Memory, requested uint32) uint32 {
	old := uint64(mem.Size())
	max := uint64(in.maxPages) * wasmPageLen
	if uint64(requested) > max {
		in.outOfMem = true
		return 0
	}
	align := func(x uint64) uint64 { return (x + wasmPageLen - 1) &^ (wasmPageLen - 1) }
	for _, want := range []uint64{
		min(old+old/5, uint64(requested)+96<<20),
		uint64(requested),
	} {
		size := min(max, align(maxU(uint64(requested), want)))
		if size <= old {
			return 1
		}
		if _, ok := mem.Grow(uint32((size - old) / wasmPageLen)); ok {
			return 1
		}
	}
	in.outOfMem = true
	return 0
}

func maxU(a, b uint64) uint64 {
	if a > b {
		return a
	}
	return b
}

// writeTm fills a struct tm for the time_t (64 bits) at t, in UTC.
func writeTm(m api.Module, t, tm uint32) {
	sec, ok := m.Memory().ReadUint64Le(t)
	if !ok {
		trap("time outside memory")
	}
	d := time.Unix(int64(sec), 0).UTC()
	start := time.Date(d.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	for i, v := range []int{d.Second(), d.Minute(), d.Hour(), d.Day(), int(d.Month()) - 1, d.Year() - 1900,
		int(d.Weekday()), int(d.Sub(start).Hours() / 24), 0, 0} {
		m.Memory().WriteUint32Le(tm+4*uint32(i), uint32(int32(v)))
	}
}

// mktime reads a struct tm as UTC.
func mktime(m api.Module, tm uint32) int32 {
	f := u32s(m, tm, 6)
	d := time.Date(int(int32(f[5]))+1900, time.Month(int32(f[4])+1), int(int32(f[3])), int(int32(f[2])),
		int(int32(f[1])), int(int32(f[0])), 0, time.UTC)
	return int32(d.Unix())
}

// tailBuffer keeps the last 4 KiB written to it.
type tailBuffer struct{ b []byte }

func (t *tailBuffer) Write(p []byte) {
	const max = 4096
	t.b = append(t.b, p...)
	if len(t.b) > max {
		t.b = append(t.b[:0], t.b[len(t.b)-max:]...)
	}
}

// lastLine is the last line written, as ": line", which says why tesseract failed.
func (t *tailBuffer) lastLine() string {
	lines := bytes.Split(bytes.TrimSpace(t.b), []byte("\n"))
	if line := bytes.TrimSpace(lines[len(lines)-1]); len(line) > 0 {
		return ": " + string(line)
	}
	return ""
}
