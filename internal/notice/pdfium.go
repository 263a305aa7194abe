package notice

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// pdfSession is one PDFium instance with one document open, for the span of one operation.
// Closing it discards the instance with its memory, and so the notice bytes copied into it.
type pdfSession struct {
	inst   pdfium.Pdfium
	doc    references.FPDF_DOCUMENT
	killed atomic.Bool
}

// errStepTimeout is the cause of a PDFium step that ran out of time on its own.
var errStepTimeout = fmt.Errorf("%w (PDFium gave up on it after %v)", ErrDamaged, pdfStepTimeout)

// openPDF loads data into a fresh instance of the process's engine.
func openPDF(ctx context.Context, data []byte) (*pdfSession, error) {
	eng, err := sharedEngine(ctx)
	if err != nil {
		return nil, err
	}
	return eng.open(ctx, data)
}

// open loads data into a fresh PDFium instance. The errors are ErrPasswordProtected,
// ErrDamaged, the context's, or a failure of the engine itself.
func (e *engine) open(ctx context.Context, data []byte) (*pdfSession, error) {
	inst, err := e.pool.GetInstanceWithContext(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("cannot start the PDF reader: %w", err)
	}
	s := &pdfSession{inst: inst}
	err = s.step(ctx, func() error {
		resp, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
		if err != nil {
			return err
		}
		s.doc = resp.Document
		return nil
	})
	switch {
	case err == nil:
		return s, nil
	case errors.Is(err, pdfiumerrors.ErrPassword), errors.Is(err, pdfiumerrors.ErrSecurity):
		err = ErrPasswordProtected
	case ctx.Err() == nil && !errors.Is(err, errStepTimeout):
		// PDFium's own verdicts (ErrFormat, ErrFile, ErrUnknown) and traps inside it alike.
		err = ErrDamaged
	}
	s.close()
	return nil, err
}

// step runs one PDFium call sequence, bounded by pdfStepTimeout and by ctx. When either ends
// first the instance is killed, which stops the WebAssembly code where it is; the session is
// then unusable and step returns the context's error or errStepTimeout.
//
// A panic in f, which Read and Render recover from, still waits for a kill under way to end.
func (s *pdfSession) step(ctx context.Context, f func() error) (err error) {
	stepCtx, cancel := context.WithTimeoutCause(ctx, pdfStepTimeout, errStepTimeout)
	defer cancel()
	killed := make(chan struct{})
	stop := context.AfterFunc(stepCtx, func() {
		beginKill()
		s.killed.Store(true)
		s.inst.Kill()
		close(killed)
	})
	defer func() {
		if stop() {
			return
		}
		<-killed
		endKill()
		if ctx.Err() != nil {
			err = ctx.Err()
		} else {
			err = errStepTimeout
		}
	}()
	return f()
}

func (s *pdfSession) close() {
	if !s.killed.Load() {
		s.inst.Close() // also closes the document and its pages
	}
}

// stepError turns a failed step on an open document into what the person is told: a limit
// the page is over, or else that the file is damaged.
func stepError(ctx context.Context, err error) error {
	if err == nil || ctx.Err() != nil || errors.Is(err, errStepTimeout) ||
		errors.Is(err, ErrImageTooLarge) || errors.Is(err, ErrPageTooComplex) {
		return err
	}
	return ErrDamaged
}

func (s *pdfSession) pageCount(ctx context.Context) (int, error) {
	var n int
	err := s.step(ctx, func() error {
		resp, err := s.inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: s.doc})
		if err == nil {
			n = resp.PageCount
		}
		return err
	})
	return n, stepError(ctx, err)
}

func (s *pdfSession) page(i int) requests.Page {
	return requests.Page{ByIndex: &requests.PageByIndex{Document: s.doc, Index: i}}
}
