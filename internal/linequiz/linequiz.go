// Package linequiz is the quiz on a line-oriented terminal: it asks a run's
// questions on a reader and writer, one answer a line, for kanzen quiz and
// for scripts and transcripts.
package linequiz

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/lessons"
)

// Session is one sitting of a quiz on a line-oriented terminal: the
// content, the language and the streams.
type Session struct {
	// ctx ends on an interrupt, which ends a read that waits for input.
	ctx     context.Context
	lang    lessons.Lang
	course  *lessons.Course
	quizzes []*quiz.Quiz
	in      *bufio.Reader
	out     io.Writer
	// echo repeats each answer read when the input is not a terminal,
	// which does not show it, so the output reads as a transcript.
	echo bool
}

// New is a sitting that reads answers from in and writes to out. echo
// repeats each answer read, for input that is not a terminal and so does not
// show it, so the output reads as a transcript.
func New(ctx context.Context, lang lessons.Lang, course *lessons.Course, quizzes []*quiz.Quiz, in io.Reader, out io.Writer, echo bool) *Session {
	return &Session{ctx: ctx, lang: lang, course: course, quizzes: quizzes, in: bufio.NewReader(in), out: out, echo: echo}
}

// NothingDue says that no question is due for review.
func (s *Session) NothingDue() {
	fmt.Fprintln(s.out, quiz.NothingDue.In(s.lang))
}

// Header says what is about to be asked.
func (s *Session) Header(run *quiz.Run) {
	n := len(run.Questions())
	if run.Review() {
		fmt.Fprintln(s.out, reviewHeader.With(n).In(s.lang))
		return
	}
	title := ""
	if ch := s.course.Chapter(run.Quiz.Chapter); ch != nil {
		title = ch.Title.In(s.lang)
	}
	fmt.Fprintln(s.out, chapterHeader.With(run.Quiz.Chapter, title, n, quiz.Percent(run.Quiz.PassMark)).In(s.lang))
}

// Ask asks every question until the run is done; false if the input ended
// first. A refused answer is explained and the question asked again.
func (s *Session) Ask(ctx context.Context, run *quiz.Run, g *quiz.Grader, save func()) bool {
	for {
		asked, ok := run.Next()
		if !ok {
			return true
		}
		s.printQuestion(asked)
		for {
			answer, err := s.readAnswer(asked)
			if err != nil {
				fmt.Fprintln(s.out)
				return false
			}
			v := run.Answer(ctx, g, answer, s.lang)
			s.print(quiz.VerdictLines(v, asked, answer, s.course, s.lang), 2)
			if !v.Refused {
				save()
				break
			}
		}
	}
}

func (s *Session) printQuestion(a quiz.Asked) {
	fmt.Fprintf(s.out, "\n[%d/%d] %s\n", a.Number, a.Count, strings.TrimSpace(a.Text(s.lang)))
	switch a.Type {
	case quiz.Single, quiz.Multiple, quiz.Order:
		for i, item := range a.ShownItems(s.lang) {
			fmt.Fprintf(s.out, "  %d) %s\n", i+1, strings.TrimSpace(item))
		}
	case quiz.Sort:
		var cats []string
		for i, c := range a.Categories {
			cats = append(cats, fmt.Sprintf("%d) %s", i+1, c.Name(s.lang)))
		}
		fmt.Fprintf(s.out, "  %s\n", strings.Join(cats, "  "))
	case quiz.Command:
		fmt.Fprintln(s.out, commandPrompt.In(s.lang))
	}
}

// readAnswer reads an answer of the question's type, asking again until
// it is well formed; it fails only when the input ends.
func (s *Session) readAnswer(a quiz.Asked) (quiz.Answer, error) {
	for {
		answer, problem, err := s.readOnce(a)
		if err != nil || problem == "" {
			return answer, err
		}
		fmt.Fprintf(s.out, "  %s\n", problem)
	}
}

// readOnce reads one attempt; problem says what is wrong with its form.
func (s *Session) readOnce(a quiz.Asked) (answer quiz.Answer, problem string, err error) {
	switch a.Type {
	case quiz.Single:
		line, err := s.line(singlePrompt.With(len(a.Choices)).In(s.lang))
		n, ok := numbers(line, len(a.Choices))
		if err != nil || !ok || len(n) != 1 {
			return quiz.Answer{}, typeOneNumber.In(s.lang), err
		}
		return a.ChoiceAnswer(n[0] - 1), "", nil
	case quiz.Multiple:
		line, err := s.line(multiplePrompt.In(s.lang))
		n, ok := numbers(line, len(a.Choices))
		if err != nil || !ok || len(n) == 0 {
			return quiz.Answer{}, typeRightNumbers.In(s.lang), err
		}
		for i := range n {
			n[i]--
		}
		return a.ChoiceAnswer(n...), "", nil
	case quiz.TrueFalse:
		return s.readBool()
	case quiz.Order:
		line, err := s.line(orderPrompt.In(s.lang))
		n, ok := numbers(line, len(a.Shown))
		if err != nil || !ok || !isPermutation(n) {
			return quiz.Answer{}, typeEachNumber.With(len(a.Shown)).In(s.lang), err
		}
		for i := range n {
			n[i]--
		}
		return a.OrderAnswer(n), "", nil
	case quiz.Sort:
		return s.readSort(a)
	case quiz.Command:
		text, err := s.readCommand()
		return quiz.Typed(text), "", err
	}
	if a.Ask == quiz.AskNamespaced {
		return s.readBool()
	}
	line, err := s.line(textPrompt.In(s.lang))
	if err == nil && strings.TrimSpace(line) == "" {
		return quiz.Answer{}, quiz.TypeAnAnswer.In(s.lang), nil
	}
	return quiz.Typed(line), "", err
}

func (s *Session) readBool() (quiz.Answer, string, error) {
	line, err := s.line(boolPrompt.In(s.lang))
	b, ok := quiz.ParseBool(line)
	if err != nil || !ok {
		return quiz.Answer{}, typeTrueOrFalse.In(s.lang), err
	}
	return quiz.Says(b), "", nil
}

// readSort asks for each item's category in turn.
func (s *Session) readSort(a quiz.Asked) (quiz.Answer, string, error) {
	sorted := map[string]quiz.Category{}
	for _, name := range a.ShownItems(s.lang) {
		for {
			line, err := s.line(fmt.Sprintf("  %s → ", name))
			if err != nil {
				return quiz.Answer{}, "", err
			}
			if n, ok := numbers(line, len(a.Categories)); ok && len(n) == 1 {
				sorted[name] = a.Categories[n[0]-1]
				break
			}
			fmt.Fprintf(s.out, "  %s\n", typeCategory.With(len(a.Categories)).In(s.lang))
		}
	}
	return quiz.Answer{Sort: sorted}, "", nil
}

// readCommand reads a command, with its continuation lines, and the
// manifest after it when it reads -f -, up to a line holding only a dot or
// the end of the input.
func (s *Session) readCommand() (string, error) {
	text, err := s.line("$ ")
	if err != nil {
		return "", err
	}
	for strings.HasSuffix(text, `\`) {
		more, err := s.line("> ")
		if err != nil {
			break
		}
		text += "\n" + more
	}
	if err := s.ctx.Err(); err != nil {
		return "", err
	}
	if !quiz.NeedsManifest(text) {
		return text, nil
	}
	var manifest strings.Builder
	for {
		line, err := s.line("")
		if err != nil || strings.TrimSpace(line) == "." {
			break
		}
		manifest.WriteString(line + "\n")
	}
	return text + "\n" + manifest.String(), s.ctx.Err()
}

// line prints a prompt and reads one line without its end; io.EOF once the
// input is spent, or the context's error on an interrupt.
func (s *Session) line(prompt string) (string, error) {
	fmt.Fprint(s.out, prompt)
	type read struct {
		line string
		err  error
	}
	done := make(chan read, 1)
	go func() {
		line, err := s.in.ReadString('\n')
		done <- read{line, err}
	}()
	var r read
	select {
	case r = <-done:
	case <-s.ctx.Done():
		// The read goroutine is left waiting: kanzen is about to exit.
		return "", s.ctx.Err()
	}
	line, err := r.line, r.err
	if err != nil && line == "" {
		return "", io.EOF
	}
	line = strings.TrimRight(line, "\r\n")
	if s.echo {
		fmt.Fprintln(s.out, line)
	}
	return line, nil
}

// numbers reads whole numbers from 1 to max, separated by spaces or commas.
func numbers(line string, max int) ([]int, bool) {
	fields := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '、' })
	out := make([]int, 0, len(fields))
	for _, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > max {
			return nil, false
		}
		out = append(out, n)
	}
	return out, true
}

// isPermutation reports whether n holds each of 1..len(n) once.
func isPermutation(n []int) bool {
	sorted := slices.Sorted(slices.Values(n))
	for i, v := range sorted {
		if v != i+1 {
			return false
		}
	}
	return len(n) > 0
}

// print writes lines the quiz engine presents, as a transcript does: a
// mark at the line's start, other lines at least indent cells in, each
// line's continuation under its text, and inline code without its
// backticks.
func (s *Session) print(lines []quiz.Line, indent int) {
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		pad := strings.Repeat(" ", max(l.Indent, indent))
		if l.Item {
			pad = strings.Repeat(" ", l.Indent+indent)
		}
		text := withoutBackticks(l.Text)
		oneItem := l.Tone == quiz.Title && i+1 < len(lines) && lines[i+1].Item && (i+2 == len(lines) || !lines[i+2].Item)
		switch {
		case l.Blank():
			continue
		case l.Mark != "":
			pad = l.Mark
		case l.Result != nil:
			text = fmt.Sprintf("%s %s%s", l.Result.Status.Mark(), l.Result.Title, resultHaveWant(*l.Result))
		case l.Badge != "":
			text = l.Text + l.Badge
		case l.Lesson != "":
			text += " (" + l.Lesson + ")"
		case oneItem:
			// A heading over one item shares its line: "Answer: ...".
			i++
			text += " " + withoutBackticks(lines[i].Text)
		}
		under := "\n" + strings.Repeat(" ", ansi.StringWidth(pad))
		fmt.Fprintln(s.out, pad+strings.ReplaceAll(text, "\n", under))
	}
}

// withoutBackticks is text without surrounding space or the backticks
// that mark its inline code, which a plain terminal cannot set apart.
func withoutBackticks(text string) string {
	return strings.ReplaceAll(strings.TrimSpace(text), "`", "")
}

// resultHaveWant is a failing check's have and want.
func resultHaveWant(r check.Result) string {
	if r.Status == check.Fail {
		return fmt.Sprintf("   have %s · want %s", r.Have, r.Want)
	}
	return ""
}

// Summary prints the score and what went to review.
func (s *Session) Summary(run *quiz.Run, p *progress.Progress) {
	due := 0
	if p != nil {
		due = len(quiz.Due(s.quizzes, p, "", time.Now()))
	}
	fmt.Fprintln(s.out)
	s.print(quiz.SummaryLines(run, due, reviewCommand, s.lang), 0)
}

// QuizSummary is a chapter quiz in a line: its size, the last and best
// scores, and what is due for review.
func QuizSummary(lang lessons.Lang, z *quiz.Quiz, p *progress.Progress, now time.Time) string {
	line := questionCount.With(len(z.Questions)).In(lang)
	if r, ok := p.QuizResults(z.Chapter); ok {
		last := quiz.NotPassedWord
		if r.Last.Passed {
			last = quiz.PassedWord
		}
		line += lastAndBest.With(r.Last.Score, r.Last.Total, last, r.Best.Score, r.Best.Total).In(lang)
	}
	if due := len(quiz.Due([]*quiz.Quiz{z}, p, z.Chapter, now)); due > 0 {
		line += toReviewCount.With(due).In(lang)
	}
	return line
}

// List shows every chapter's quiz with the learner's scores.
func (s *Session) List(p *progress.Progress, now time.Time) {
	fmt.Fprintln(s.out, quizzesHeading.In(s.lang))
	for _, ch := range s.course.Chapters {
		z := quiz.Find(s.quizzes, ch.ID)
		if z == nil {
			continue
		}
		line := fmt.Sprintf("  %s  %s — %s", ch.ID, ch.Title.In(s.lang), QuizSummary(s.lang, z, p, now))
		fmt.Fprintln(s.out, line)
	}
	if due := len(quiz.Due(s.quizzes, p, "", now)); due > 0 {
		fmt.Fprintln(s.out, quiz.DueLine(due, s.lang).Text+reviewCommand.In(s.lang))
	}
}
