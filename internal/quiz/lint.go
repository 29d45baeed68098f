package quiz

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"kanzen.dev/kanzen/lessons"
)

// MaxLongestRight is the share of a quiz's single-choice questions whose right
// choice may be the longest one. Writers tend to make the right answer the
// most careful and so the longest; past this share a learner can pass by
// picking the longest choice without knowing the answer.
const MaxLongestRight = 0.4

// minGiveawayQuestions is how many single-choice questions a quiz needs
// before the share means anything.
const minGiveawayQuestions = 5

// Lint reports what makes a loaded quiz easier to guess than to know. Load
// already refuses quizzes that are wrong; these are quizzes that work but
// teach less.
func Lint(quizzes []*Quiz) error {
	var problems []error
	for _, z := range quizzes {
		for _, lang := range lessons.Langs {
			if err := longestRight(z, lang); err != nil {
				problems = append(problems, err)
			}
		}
	}
	return errors.Join(problems...)
}

// longestRight reports a quiz whose right choices are too often the longest.
func longestRight(z *Quiz, lang lessons.Lang) error {
	var singles int
	var longest []string
	for _, q := range z.Questions {
		if q.Type != Single {
			continue
		}
		singles++
		if isLongest(q.Choices, q.Correct[0], lang) {
			longest = append(longest, q.ID)
		}
	}
	allowed := int(MaxLongestRight * float64(singles))
	if singles < minGiveawayQuestions || len(longest) <= allowed {
		return nil
	}
	return fmt.Errorf("%s/%s.yaml: choices.%s: the right choice is the longest in %d of %d single-choice questions (at most %d may be), so length gives it away: %s",
		Dir, z.Chapter, lang, len(longest), singles, allowed, strings.Join(longest, ", "))
}

// isLongest reports whether choice i is longer than every other choice.
func isLongest(choices []lessons.Text, i int, lang lessons.Lang) bool {
	length := utf8.RuneCountInString(choices[i].In(lang))
	for j, c := range choices {
		if j != i && utf8.RuneCountInString(c.In(lang)) >= length {
			return false
		}
	}
	return true
}
