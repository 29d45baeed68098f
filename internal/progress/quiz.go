package progress

import "time"

// Quizzes is the learner's record of the quizzes: scores by chapter, and a
// card per question answered, which the review deck schedules.
type Quizzes struct {
	// Chapters are keyed by chapter id ("4").
	Chapters map[string]*QuizChapter `json:"chapters,omitempty"`
	// Questions are keyed by chapter and question id ("4/pod-category").
	Questions map[string]*QuizCard `json:"questions,omitempty"`

	unknown unknownFields
}

// QuizChapter is one chapter's quiz results.
type QuizChapter struct {
	Last QuizRun `json:"last"`
	// Best is the run with the highest score, the earliest of equals.
	Best QuizRun `json:"best"`

	unknown unknownFields
}

// QuizRun is one sitting of a chapter's quiz.
type QuizRun struct {
	// Score is how many answers were right of Total judged (questions that
	// could not be judged, such as those needing a cluster, not counted).
	Score  int       `json:"score"`
	Total  int       `json:"total"`
	Passed bool      `json:"passed"`
	Time   time.Time `json:"time"`
}

// QuizCard is one question's place in the review deck.
type QuizCard struct {
	// Box is the question's Leitner box, 1 to 5; 0 means it is not in the
	// review deck (never missed, or learned).
	Box int `json:"box"`
	// Due is when it is next reviewed; zero when not in the deck.
	Due time.Time `json:"due,omitzero"`
	// Last is the last answer's result: Correct or Missed.
	Last     string    `json:"last"`
	Answered time.Time `json:"answered"`

	unknown unknownFields
}

// The results a card records.
const (
	Correct = "correct"
	Missed  = "missed"
)

// QuizResults returns a chapter's quiz results; false if never sat.
func (p *Progress) QuizResults(chapter string) (QuizChapter, bool) {
	c := p.Quiz.Chapters[chapter]
	if c == nil {
		return QuizChapter{}, false
	}
	return *c, true
}

// RecordQuiz records a finished sitting of a chapter's quiz as the last
// one, and as the best if it scored higher than the best so far.
func (p *Progress) RecordQuiz(chapter string, run QuizRun) {
	if p.Quiz.Chapters == nil {
		p.Quiz.Chapters = map[string]*QuizChapter{}
	}
	c := p.Quiz.Chapters[chapter]
	if c == nil {
		c = &QuizChapter{Best: run}
		p.Quiz.Chapters[chapter] = c
	}
	c.Last = run
	if run.better(c.Best) {
		c.Best = run
	}
}

// better compares scores as fractions, without dividing.
func (r QuizRun) better(than QuizRun) bool {
	if than.Total == 0 {
		return r.Total > 0
	}
	return r.Total > 0 && r.Score*than.Total > than.Score*r.Total
}

// QuizCard returns a question's card; the zero card if never answered.
func (p *Progress) QuizCard(key string) QuizCard {
	if c := p.Quiz.Questions[key]; c != nil {
		return *c
	}
	return QuizCard{}
}

// SetQuizCard stores a question's card.
func (p *Progress) SetQuizCard(key string, c QuizCard) {
	if p.Quiz.Questions == nil {
		p.Quiz.Questions = map[string]*QuizCard{}
	}
	p.Quiz.Questions[key] = &c
}

// The JSON methods keep the fields a newer kanzen may have added.

func (q *Quizzes) UnmarshalJSON(data []byte) (err error) {
	type plain Quizzes
	q.unknown, err = decodeKeeping(data, (*plain)(q))
	return err
}

func (q Quizzes) MarshalJSON() ([]byte, error) {
	type plain Quizzes
	return encodeKeeping(plain(q), q.unknown)
}

func (c *QuizChapter) UnmarshalJSON(data []byte) (err error) {
	type plain QuizChapter
	c.unknown, err = decodeKeeping(data, (*plain)(c))
	return err
}

func (c QuizChapter) MarshalJSON() ([]byte, error) {
	type plain QuizChapter
	return encodeKeeping(plain(c), c.unknown)
}

func (c *QuizCard) UnmarshalJSON(data []byte) (err error) {
	type plain QuizCard
	c.unknown, err = decodeKeeping(data, (*plain)(c))
	return err
}

func (c QuizCard) MarshalJSON() ([]byte, error) {
	type plain QuizCard
	return encodeKeeping(plain(c), c.unknown)
}
