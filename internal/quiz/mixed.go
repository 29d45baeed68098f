package quiz

import "math/rand/v2"

// Mixed draws n questions from every chapter's quiz for a mixed review:
// the chapters take turns, each giving its questions in a shuffled order,
// so that a short review still spans the course. Fewer than n come back
// only when the quizzes hold fewer.
func Mixed(quizzes []*Quiz, n int, seed uint64) []*Question {
	rng := rand.New(rand.NewPCG(seed, 0x6d69786564))
	decks := make([][]*Question, 0, len(quizzes))
	for _, z := range quizzes {
		deck := make([]*Question, len(z.Questions))
		for i, k := range rng.Perm(len(z.Questions)) {
			deck[i] = z.Questions[k]
		}
		decks = append(decks, deck)
	}
	var out []*Question
	for len(out) < n {
		dealt := false
		for i, deck := range decks {
			if len(deck) == 0 || len(out) == n {
				continue
			}
			out, decks[i], dealt = append(out, deck[0]), deck[1:], true
		}
		if !dealt {
			break
		}
	}
	// The turns would give the chapter away: the order is shuffled too.
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}
