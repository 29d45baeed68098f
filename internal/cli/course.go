package cli

import (
	"fmt"

	"kanzen.dev/kanzen/content"
	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/lessons"
)

// builtInCourse loads the course compiled into kanzen.
func builtInCourse() (*lessons.Course, error) {
	course, err := lessons.Load(content.FS)
	if err != nil {
		return nil, fmt.Errorf("the built-in course is invalid: %w", err)
	}
	return course, nil
}

// builtInQuizzes loads the course and its quizzes compiled into kanzen.
func builtInQuizzes() (*lessons.Course, []*quiz.Quiz, error) {
	course, err := builtInCourse()
	if err != nil {
		return nil, nil, err
	}
	quizzes, err := quiz.Load(content.FS, course)
	if err != nil {
		return nil, nil, fmt.Errorf("the built-in quizzes are invalid: %w", err)
	}
	return course, quizzes, nil
}
