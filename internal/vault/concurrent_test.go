package vault

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"
)

// TestProcessesWritingAtOnceLoseNothing runs three processes that each add
// 30 people to one vault at the same time; every one of the 90 must be
// there afterwards.
func TestProcessesWritingAtOnceLoseNothing(t *testing.T) {
	if dir := os.Getenv("VAULT_WRITER_CHILD"); dir != "" {
		writerChild(dir, os.Getenv("VAULT_WRITER_NAME"))
		return
	}
	_, dir := newVault(t)
	var cmds []*exec.Cmd
	for w := range 3 {
		cmd := childCommand(t, "VAULT_WRITER_CHILD="+dir, "VAULT_WRITER_NAME=w"+strconv.Itoa(w))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("a writer failed: %v", err)
		}
	}
	v, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(v.Index().People); n != 90 || v.Index().Revision != 90 {
		t.Fatalf("%d people at revision %d, want 90 at 90", n, v.Index().Revision)
	}
}

func writerChild(dir, name string) {
	v, err := Open(dir, pass("correct horse"), Options{WorkFactor: 10, LockTimeout: 30 * time.Second})
	if err == nil {
		for i := range 30 {
			err = v.Update(func(ix *Index) error {
				_, err := ix.AddPerson(fmt.Sprintf("%s-%d", name, i), "", "")
				return err
			})
			if err != nil {
				break
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
