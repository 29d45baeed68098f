package quiz

import "strings"

// Answer is the learner's answer; each question type reads its own field.
type Answer struct {
	// Choices are the chosen indexes (0-based) of a single or multiple
	// question.
	Choices []int
	// Bool answers a truefalse question, or a discovery question that asks
	// whether a resource is namespaced (Text is read when Bool is nil).
	Bool *bool
	// Order lists an order question's Items indexes in the order the
	// learner put them; Asked.OrderAnswer makes it from shown positions.
	Order []int
	// Sort puts each sort item, by name, into a category.
	Sort map[string]Category
	// Text is a command answer (the kubectl command, then the manifest of
	// -f - on the lines after it) or a typed discovery answer.
	Text string
}

// Choose answers a single or multiple question.
func Choose(indexes ...int) Answer { return Answer{Choices: indexes} }

// Says answers a truefalse question.
func Says(b bool) Answer { return Answer{Bool: &b} }

// Typed answers a command or discovery question.
func Typed(text string) Answer { return Answer{Text: text} }

// ParseBool reads a typed true or false, in English or Japanese.
func ParseBool(s string) (value, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "t", "yes", "y", "namespaced", "はい", "正しい", "正", "○", "o":
		return true, true
	case "false", "f", "no", "n", "cluster", "cluster-scoped", "いいえ", "誤り", "誤", "×", "x":
		return false, true
	}
	return false, false
}

// boolean is the answer's Bool, or its Text read as one.
func (a Answer) boolean() (value, ok bool) {
	if a.Bool != nil {
		return *a.Bool, true
	}
	return ParseBool(a.Text)
}
