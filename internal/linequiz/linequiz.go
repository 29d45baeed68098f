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

// say picks the English or Japanese of a fixed phrase.
func (s *Session) say(en, ja string) string {
	if s.lang == lessons.Japanese {
		return ja
	}
	return en
}

// NothingDue says that no question is due for review.
func (s *Session) NothingDue() {
	fmt.Fprintln(s.out, s.say("Nothing is due for review. Missed questions come back here.", "復習する問題はありません。間違えた問題がここに戻ってきます。"))
}

// Header says what is about to be asked.
func (s *Session) Header(run *quiz.Run) {
	n := len(run.Questions())
	if run.Review() {
		fmt.Fprintf(s.out, s.say("Questions due for review: %d\n", "復習：%d問\n"), n)
		return
	}
	title := ""
	if ch := s.chapter(run.Quiz.Chapter); ch != nil {
		title = ch.Title.In(s.lang)
	}
	fmt.Fprintf(s.out, s.say("Chapter %s · %s — %d questions, pass mark %d%%\n", "第%s章 %s — %d問、合格ライン%d%%\n"), run.Quiz.Chapter, title, n, percent(run.Quiz.PassMark))
}

func (s *Session) chapter(id string) *lessons.Chapter {
	for i := range s.course.Chapters {
		if s.course.Chapters[i].ID == id {
			return &s.course.Chapters[i]
		}
	}
	return nil
}

func percent(f float64) int { return int(f*100 + 0.5) }

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
			s.printVerdict(v, asked.Type)
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
		fmt.Fprintln(s.out, s.say("  Type the kubectl command. After -f -, type the manifest and end it with a line holding only a dot.",
			"  kubectlのコマンドを入力してください。-f - の後はマニフェストを入力し、ドットだけの行で終えます。"))
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
		line, err := s.line(s.say(fmt.Sprintf("answer (1-%d): ", len(a.Choices)), fmt.Sprintf("答え (1-%d): ", len(a.Choices))))
		n, ok := numbers(line, len(a.Choices))
		if err != nil || !ok || len(n) != 1 {
			return quiz.Answer{}, s.say("Type one number.", "番号を1つ入力してください。"), err
		}
		return a.ChoiceAnswer(n[0] - 1), "", nil
	case quiz.Multiple:
		line, err := s.line(s.say("answers, such as 1 3: ", "答え（例: 1 3）: "))
		n, ok := numbers(line, len(a.Choices))
		if err != nil || !ok || len(n) == 0 {
			return quiz.Answer{}, s.say("Type the numbers of every right choice, such as 1 3.", "正しい選択肢の番号をすべて入力してください（例: 1 3）。"), err
		}
		for i := range n {
			n[i]--
		}
		return a.ChoiceAnswer(n...), "", nil
	case quiz.TrueFalse:
		return s.readBool()
	case quiz.Order:
		line, err := s.line(s.say("order, such as 2 3 1: ", "順番（例: 2 3 1）: "))
		n, ok := numbers(line, len(a.Shown))
		if err != nil || !ok || !isPermutation(n) {
			return quiz.Answer{}, s.say(fmt.Sprintf("Type each number from 1 to %d once, in order.", len(a.Shown)), fmt.Sprintf("1から%dまでの番号を1回ずつ、順番に入力してください。", len(a.Shown))), err
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
	line, err := s.line(s.say("answer: ", "答え: "))
	if err == nil && strings.TrimSpace(line) == "" {
		return quiz.Answer{}, s.say("Type an answer.", "答えを入力してください。"), nil
	}
	return quiz.Typed(line), "", err
}

func (s *Session) readBool() (quiz.Answer, string, error) {
	line, err := s.line(s.say("true or false: ", "true か false: "))
	b, ok := quiz.ParseBool(line)
	if err != nil || !ok {
		return quiz.Answer{}, s.say("Type true or false.", "true か false で答えてください。"), err
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
			fmt.Fprintf(s.out, "  %s\n", s.say(fmt.Sprintf("Type a category number, 1 to %d.", len(a.Categories)), fmt.Sprintf("カテゴリの番号（1から%d）を入力してください。", len(a.Categories))))
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

func (s *Session) printVerdict(v quiz.Verdict, t quiz.Type) {
	switch {
	case v.Refused:
		fmt.Fprintf(s.out, "! %s\n  %s\n", indent(v.Reason), s.say("Type it again.", "もう一度入力してください。"))
		return
	case v.Skipped:
		fmt.Fprintf(s.out, "· %s\n", indent(v.Reason))
	case v.Correct:
		fmt.Fprintf(s.out, "✓ %s\n", s.say("Right.", "正解です。"))
	default:
		fmt.Fprintf(s.out, "✗ %s\n", s.say("Not quite.", "不正解です。"))
		if v.Reason != "" {
			fmt.Fprintf(s.out, "  %s\n", indent(v.Reason))
		}
	}
	for _, r := range v.Results {
		fmt.Fprintf(s.out, "  %s %s%s\n", r.Status.Mark(), r.Title, resultHaveWant(r))
	}
	if lines := v.AnswerLines(t); !v.Correct && len(lines) > 0 {
		fmt.Fprintf(s.out, "  %s\n", s.say("Answer:", "正解："))
		for _, l := range lines {
			fmt.Fprintf(s.out, "    %s\n", l)
		}
	} else if !v.Correct && v.Want != "" {
		fmt.Fprintf(s.out, "  %s%s\n", s.say("Answer: ", "正解："), indent(v.Want))
	}
	if v.Explain != "" {
		fmt.Fprintf(s.out, "  %s\n", indent(v.Explain))
	}
	if _, l := s.course.Find(v.Lesson); l != nil && l.ID == v.Lesson {
		fmt.Fprintf(s.out, "  %s%s (%s)\n", s.say("Lesson: ", "レッスン："), l.Title.In(s.lang), l.ID)
	}
}

// resultHaveWant is a failing check's have and want.
func resultHaveWant(r check.Result) string {
	if r.Status == check.Fail {
		return fmt.Sprintf("   have %s · want %s", r.Have, r.Want)
	}
	return ""
}

// indent keeps the lines of a long text under its first.
func indent(text string) string {
	return strings.ReplaceAll(strings.TrimSpace(text), "\n", "\n  ")
}

// Summary prints the score and what is due for review.
func (s *Session) Summary(run *quiz.Run, p *progress.Progress) {
	sc := run.Score()
	fmt.Fprintln(s.out)
	line := fmt.Sprintf("Score: %d of %d right (%d%%)", sc.Correct, sc.Judged, percent(sc.Fraction()))
	if s.lang == lessons.Japanese {
		line = fmt.Sprintf("スコア：%d問中%d問正解（%d%%）", sc.Judged, sc.Correct, percent(sc.Fraction()))
	}
	if sc.Skipped > 0 {
		line += fmt.Sprintf(s.say(" · %d not graded", "・採点なし%d問"), sc.Skipped)
	}
	if !run.Review() && run.Done() {
		verdict := s.say("not passed", "不合格")
		if sc.Passed() {
			verdict = s.say("passed ✓", "合格 ✓")
		}
		line += fmt.Sprintf(s.say(" · pass mark %d%%: %s", "・合格ライン%d%%：%s"), percent(sc.PassMark), verdict)
	}
	fmt.Fprintln(s.out, line)
	if p == nil {
		return
	}
	if due := len(quiz.Due(s.quizzes, p, "", time.Now())); due > 0 {
		fmt.Fprintf(s.out, s.say("Questions to review: %d (kanzen quiz --review)\n", "復習する問題：%d問（kanzen quiz --review）\n"), due)
	}
}

// QuizSummary is a chapter quiz in a line: its size, the last and best
// scores, and what is due for review.
func QuizSummary(lang lessons.Lang, z *quiz.Quiz, p *progress.Progress, now time.Time) string {
	say := func(en, ja string) string {
		return map[lessons.Lang]string{lessons.English: en, lessons.Japanese: ja}[lang]
	}
	line := fmt.Sprintf(say("%d questions", "%d問"), len(z.Questions))
	if r, ok := p.QuizResults(z.Chapter); ok {
		last := say("not passed", "不合格")
		if r.Last.Passed {
			last = say("passed", "合格")
		}
		line += fmt.Sprintf(say(" · last %d/%d %s · best %d/%d", "・前回 %d/%d %s・最高 %d/%d"), r.Last.Score, r.Last.Total, last, r.Best.Score, r.Best.Total)
	}
	if due := len(quiz.Due([]*quiz.Quiz{z}, p, z.Chapter, now)); due > 0 {
		line += fmt.Sprintf(say(" · %d to review", "・復習%d問"), due)
	}
	return line
}

// List shows every chapter's quiz with the learner's scores.
func (s *Session) List(p *progress.Progress, now time.Time) {
	fmt.Fprintln(s.out, s.say("Quizzes (kanzen quiz CHAPTER takes one):", "クイズ（kanzen quiz 章番号 で開始）："))
	for _, ch := range s.course.Chapters {
		z := quiz.Find(s.quizzes, ch.ID)
		if z == nil {
			continue
		}
		line := fmt.Sprintf("  %s  %s — %s", ch.ID, ch.Title.In(s.lang), QuizSummary(s.lang, z, p, now))
		fmt.Fprintln(s.out, line)
	}
	if due := len(quiz.Due(s.quizzes, p, "", now)); due > 0 {
		fmt.Fprintf(s.out, s.say("Questions to review: %d (kanzen quiz --review)\n", "復習する問題：%d問（kanzen quiz --review）\n"), due)
	}
}
