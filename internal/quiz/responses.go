package quiz

import (
	"fmt"
	"net/http"
	"sync"
)

// responses notes, of the requests a dry run makes, those that failed for
// the cluster's sake rather than the answer's: no answer at all, or a
// status that says the server would not or could not judge it.
type responses struct {
	mu        sync.Mutex
	noAnswer  error
	notJudged bool
}

// notJudgedStatus are statuses that say nothing about an answer: no
// credentials or rights for the scratch namespace, an object or a quota
// left there, too many requests, or a server error.
func notJudgedStatus(code int) bool {
	switch code {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusConflict, http.StatusTooManyRequests:
		return true
	}
	return code >= 500
}

func (r *responses) wrap(next http.RoundTripper) http.RoundTripper {
	return roundTripper(func(req *http.Request) (*http.Response, error) {
		resp, err := next.RoundTrip(req)
		r.mu.Lock()
		defer r.mu.Unlock()
		switch {
		case err != nil:
			r.noAnswer = fmt.Errorf("%s %s: %w", req.Method, req.URL.Path, err)
		case notJudgedStatus(resp.StatusCode):
			r.notJudged = true
		}
		return resp, err
	})
}

// unreachable is the error of a request the server did not answer.
func (r *responses) unreachable() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.noAnswer
}

// refused reports whether the server answered a request with a status
// that says nothing about the answer.
func (r *responses) refused() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.notJudged
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }
