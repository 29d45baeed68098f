// Package quiz asks a chapter's questions, grades the answers (command
// answers by the cluster's API server, discovery answers by its discovery
// API, the rest by the content), scores a run and schedules missed
// questions for review in Leitner boxes. It needs no terminal: the command
// line and the TUI both drive it.
package quiz

import (
	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/lessons"
)

// Type is what kind of answer a question takes.
type Type string

// The question types.
const (
	Single    Type = "single"
	Multiple  Type = "multiple"
	TrueFalse Type = "truefalse"
	Order     Type = "order"
	Sort      Type = "sort"
	Command   Type = "command"
	Discovery Type = "discovery"
)

// Types lists every question type.
var Types = []Type{Single, Multiple, TrueFalse, Order, Sort, Command, Discovery}

// Ask is what a discovery question asks about a resource.
type Ask string

// The fields of a resource a discovery question can ask.
const (
	AskNamespaced Ask = "namespaced"
	AskShortNames Ask = "shortNames"
	AskGroup      Ask = "group"
	AskVersion    Ask = "version"
	AskKind       Ask = "kind"
)

// Asks lists what discovery questions may ask.
var Asks = []Ask{AskNamespaced, AskShortNames, AskGroup, AskVersion, AskKind}

// Quiz is one chapter's questions.
type Quiz struct {
	Chapter string
	// PassMark is the fraction of judged questions to get right to pass.
	PassMark  float64
	Questions []*Question
}

// Question is one question, with its right answer.
type Question struct {
	// Chapter is the quiz's chapter; Key joins it with the ID.
	Chapter string
	ID      string
	Type    Type
	// Lesson is the id of the lesson that teaches the answer.
	Lesson  string
	Prompt  lessons.Text
	Explain lessons.Text

	// Choices and Correct (0-based indexes) are for single and multiple.
	Choices []lessons.Text
	Correct []int
	// Truth is the answer of a truefalse question.
	Truth bool
	// Items are an order question's items, in the right order.
	Items []lessons.Text
	// Categories and Sorted are a sort question's categories and items.
	Categories []Category
	Sorted     []SortItem
	// Kind, Examples and Checks are for command questions: the kind the
	// command must make, right answers, and the checks on the dry run.
	Kind     string
	Examples []string
	Checks   []lessons.Check
	// Resource and Ask are for discovery questions.
	Resource string
	Ask      Ask

	// program is Checks compiled, for command questions.
	program *check.Program
}

// SortItem is a resource to put into its category.
type SortItem struct {
	Name     string   `json:"name"`
	Category Category `json:"category"`
	// Note, when set, says where today's Kubernetes docs differ from the book.
	Note lessons.Text `json:"note,omitempty"`
}

// Key names the question across chapters, as progress records it: "4/pod-category".
func (q *Question) Key() string { return q.Chapter + "/" + q.ID }

// NeedsCluster reports whether grading the question asks a cluster.
func (q *Question) NeedsCluster() bool { return q.Type == Command || q.Type == Discovery }

// Text is the question's prompt in lang. A discovery question without a
// prompt gets one made from what it asks.
func (q *Question) Text(lang lessons.Lang) string {
	if q.Type == Discovery && len(q.Prompt) == 0 {
		return discoveryPrompt(q.Ask, q.Resource, lang)
	}
	return q.Prompt.In(lang)
}

// Question returns the question with the given id, or nil.
func (z *Quiz) Question(id string) *Question {
	for _, q := range z.Questions {
		if q.ID == id {
			return q
		}
	}
	return nil
}

// Find returns the quiz of a chapter, or nil.
func Find(quizzes []*Quiz, chapter string) *Quiz {
	for _, z := range quizzes {
		if z.Chapter == chapter {
			return z
		}
	}
	return nil
}

// FindQuestion returns the question with a key such as "4/pod-category", or nil.
func FindQuestion(quizzes []*Quiz, key string) *Question {
	for _, z := range quizzes {
		for _, q := range z.Questions {
			if q.Key() == key {
				return q
			}
		}
	}
	return nil
}
