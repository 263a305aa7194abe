package vault

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestCrashKeepsEveryAcknowledgedSave kills a writer process with SIGKILL
// at random instants across hundreds of saves and blob additions, and
// checks after every kill that the vault opens, verifies clean, and holds
// every save the writer acknowledged.
func TestCrashKeepsEveryAcknowledgedSave(t *testing.T) {
	if dir := os.Getenv("VAULT_CRASH_CHILD"); dir != "" {
		crashChild(dir)
		return
	}
	if testing.Short() {
		t.Skip("kills child processes for a few seconds")
	}
	_, dir := newVault(t)
	rng := rand.New(rand.NewPCG(1, 2))
	acked := -1
	found := 0 // steps in the vault after the previous round
	saves := 0
	// Under Wine (the Windows build in make test) a round costs a second,
	// most of it starting the process, and far fewer saves fit in the
	// kill window: there it stops at 60 saves, still over every kind of
	// step and crash instant.
	wantSaves := 240
	if runtime.GOOS == "windows" {
		wantSaves = 60
	}
	for round := 0; saves < wantSaves || round < 25; round++ {
		cmd, out := startChild(t, "VAULT_CRASH_CHILD="+dir)
		killAfter := time.Duration(rng.IntN(60_000)) * time.Microsecond
		// Kill at a random instant, or right after a random acknowledgement.
		killAtAck := rng.IntN(12)
		// The instant counts from when the child has opened the vault, not
		// from its start: starting a process takes a millisecond on Linux
		// but most of a second under Wine, where a timer from the start
		// killed every child before its first save, and the test never
		// reached its count of saves.
		sc := bufio.NewScanner(out)
		if !sc.Scan() || sc.Text() != "ready" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("round %d: child did not open the vault (said %q)", round, sc.Text())
		}
		timer := time.AfterFunc(20*time.Millisecond+killAfter, func() { cmd.Process.Kill() })
		n := 0
		for sc.Scan() {
			i, err := strconv.Atoi(strings.TrimPrefix(sc.Text(), "ack "))
			if err != nil {
				t.Fatalf("child said %q", sc.Text())
			}
			acked = max(acked, i)
			saves++
			if n++; n == killAtAck {
				cmd.Process.Kill()
			}
		}
		timer.Stop()
		cmd.Wait()
		found = checkAfterCrash(t, dir, acked, found, round)
	}
	t.Logf("%d acknowledged saves, last %d", saves, acked)
}

// crashChild saves forever: even steps add a person, odd steps add a blob
// and its notice. It prints "ready" once the vault is open, then "ack N"
// after step N is committed.
func crashChild(dir string) {
	v, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("ready")
	for i := len(v.Index().People) + len(v.Index().Notices); ; i++ {
		if i%2 == 0 {
			err = v.Update(func(ix *Index) error { _, err := ix.AddPerson(fmt.Sprintf("p%d", i), "", ""); return err })
		} else {
			var ref BlobRef
			ref, err = v.AddBlob(bytes.NewReader(crashContent(i)))
			if err == nil {
				err = v.Update(func(ix *Index) error {
					_, err := ix.AddNotice(ix.People[0].ID, "", fmt.Sprintf("n%d.pdf", i), ref)
					return err
				})
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("ack %d\n", i)
	}
}

func crashContent(i int) []byte {
	rng := rand.New(rand.NewPCG(uint64(i), 7))
	b := make([]byte, 1+rng.IntN(200<<10))
	for j := range b {
		b[j] = byte(rng.Uint32())
	}
	return b
}

// checkAfterCrash checks the vault after a kill and returns how many steps
// it holds. Each child starts from what the vault holds, including a step
// the previous child committed but was killed before acknowledging.
func checkAfterCrash(t *testing.T, dir string, acked, before, round int) int {
	t.Helper()
	v, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatalf("round %d: vault does not open after a crash: %v", round, err)
	}
	if len(v.Warnings) > 0 {
		t.Fatalf("round %d: opening needed a fallback: %v", round, v.Warnings)
	}
	ix := v.Index()
	steps := len(ix.People) + len(ix.Notices)
	// Everything acknowledged is there; at most the one step in flight is
	// extra, beyond what the child started from.
	if steps < acked+1 || steps > max(acked+1, before)+1 {
		t.Fatalf("round %d: %d steps in the vault, %d acknowledged, %d before the round", round, steps, acked+1, before)
	}
	for _, n := range ix.Notices {
		i, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(n.FileName, "n"), ".pdf"))
		r, err := v.OpenBlob(n)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		got, err := io.ReadAll(r)
		r.Close()
		if err != nil || !bytes.Equal(got, crashContent(i)) {
			t.Fatalf("round %d: notice %s lost its content: %v", round, n.FileName, err)
		}
	}
	rep, err := v.Verify()
	if err != nil || len(rep.Problems) > 0 {
		t.Fatalf("round %d: verify: %v %v", round, err, rep.Problems)
	}
	for _, tmp := range mustGlob(t, filepath.Join(dir, ".*tmp-*")) {
		os.Remove(tmp) // a crashed writer's temp file: harmless, and never read
	}
	return steps
}

func mustGlob(t *testing.T, pattern string) []string {
	m, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
