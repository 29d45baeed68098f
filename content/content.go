// Package content holds kanzen's course as data: the course manifest and, as
// the course grows, lessons, exercises and quizzes. Nothing here is code but
// the embedding itself.
package content

import "embed"

// FS is the course, embedded into the kanzen binary.
//
//go:embed course.yaml glossary.yaml chapters lessons exercises quizzes
var FS embed.FS
