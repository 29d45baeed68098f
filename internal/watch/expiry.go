package watch

import (
	"sync"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/watch"
)

// expiryWatch passes a watch's events on and calls expired when the server
// ends the stream because it no longer knows the resource version asked for.
// Unlike watch.Filter, it stops passing events when stopped, so a reflector
// that stops reading never leaves it blocked.
type expiryWatch struct {
	in      watch.Interface
	out     chan watch.Event
	done    chan struct{}
	stopped sync.Once
}

func onExpiry(in watch.Interface, expired func()) watch.Interface {
	w := &expiryWatch{in: in, out: make(chan watch.Event), done: make(chan struct{})}
	go func() {
		defer close(w.out)
		for e := range in.ResultChan() {
			if e.Type == watch.Error && isExpired(apierrors.FromObject(e.Object)) {
				expired()
			}
			select {
			case w.out <- e:
			case <-w.done:
				return
			}
		}
	}()
	return w
}

func (w *expiryWatch) ResultChan() <-chan watch.Event { return w.out }

func (w *expiryWatch) Stop() {
	w.stopped.Do(func() { close(w.done) })
	w.in.Stop()
}
