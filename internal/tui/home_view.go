package tui

import (
	"fmt"

	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/internal/textwrap"
	"kanzen.dev/kanzen/lessons"
)

// homeEntry is a line of the chapter list that can be chosen: a lesson,
// a chapter's quiz, or the review of the questions due.
type homeEntry struct {
	lesson *lessons.Lesson
	quiz   *quiz.Quiz
	review bool
}

// homeEntries lists what the chapter list offers, in order: the review
// when questions are due, then each chapter's lessons and its quiz.
func (m Model) homeEntries() []homeEntry {
	var all []homeEntry
	if m.dueCount() > 0 {
		all = append(all, homeEntry{review: true})
	}
	for i := range m.course.Chapters {
		ch := &m.course.Chapters[i]
		for j := range ch.Lessons {
			all = append(all, homeEntry{lesson: &ch.Lessons[j]})
		}
		if z := quiz.Find(m.opts.Quizzes, ch.ID); z != nil {
			all = append(all, homeEntry{quiz: z})
		}
	}
	return all
}

// lessonIndex is the home list position of a step's lesson.
func (m Model) lessonIndex(step int) int {
	if step >= len(m.steps) {
		return 0
	}
	for i, e := range m.homeEntries() {
		if e.lesson == m.steps[step].lesson {
			return i
		}
	}
	return 0
}

// firstStepOf is the first step of the lesson of the i-th home entry.
func (m Model) firstStepOf(i int) int {
	all := m.homeEntries()
	if i >= len(all) {
		return 0
	}
	for s, st := range m.steps {
		if st.lesson == all[i].lesson {
			return s
		}
	}
	return 0
}

// homeRow is one line of the chapter list; rows that can be chosen carry
// their index in homeEntries.
type homeRow struct {
	text  string
	entry int // -1 for chapter headings and other text
}

func (m Model) chapterRows(w int) []homeRow {
	st := m.styles()
	var rows []homeRow
	n := 0
	// label is a row's text, marked when the cursor is on it.
	label := func(s string) string {
		if n == m.homeCursor {
			return st.selected.Render(" › " + s)
		}
		return st.item.Render("   " + s)
	}
	if due := m.dueCount(); due > 0 {
		rows = append(rows, homeRow{label(reviewRow.With(due).In(m.lang)), n}, homeRow{"", -1})
		n++
	}
	for _, ch := range m.course.Chapters {
		heading := st.title.Render(fmt.Sprintf(" %s %s", ch.ID, ch.Title.In(m.lang)))
		if done, all := m.chapterProgress(ch); all > 0 {
			heading = spread(heading, st.dim.Render(fmt.Sprintf("%d/%d ", done, all)), w)
		}
		rows = append(rows, homeRow{heading, -1})
		if len(ch.Lessons) == 0 {
			rows = append(rows, homeRow{st.dim.Render("     " + ch.Summary.In(m.lang) + " (" + comingSoon.In(m.lang) + ")"), -1})
		}
		for j := range ch.Lessons {
			l := &ch.Lessons[j]
			marks := ""
			for _, e := range l.Exercises {
				marks += "  " + m.exerciseMark(e.ID, st) + " " + e.ID
			}
			rows = append(rows, homeRow{spread(label(l.Title.In(m.lang)), marks+" ", w), n})
			n++
		}
		if z := quiz.Find(m.opts.Quizzes, ch.ID); z != nil {
			text := quizRow.With(len(z.Questions)).In(m.lang)
			passed := ""
			if r, ok := m.progress.QuizResults(ch.ID); ok && r.Best.Total > 0 {
				text += quizBest.With(quiz.Percent(float64(r.Best.Score) / float64(r.Best.Total))).In(m.lang)
				if r.Best.Passed {
					passed = st.good.Render(" ✓")
				}
			}
			rows = append(rows, homeRow{label(text) + passed, n})
			n++
		}
	}
	return rows
}

// chapterProgress counts a chapter's exercises and those passed.
func (m Model) chapterProgress(ch lessons.Chapter) (passed, total int) {
	for _, l := range ch.Lessons {
		for _, e := range l.Exercises {
			total++
			if exerciseRecord(m.progress, e.ID).Passed != nil {
				passed++
			}
		}
	}
	return passed, total
}

// exerciseMark is ✓ for passed, ● for started, · for not yet.
func (m Model) exerciseMark(id string, st styles) string {
	r := exerciseRecord(m.progress, id)
	switch {
	case r.Passed != nil:
		return st.good.Render("✓")
	case !r.Started.IsZero():
		return st.warn.Render("●")
	}
	return st.dim.Render("·")
}

func (m Model) homeLines(w, h int) []string {
	rows := m.homeRows(w)
	// Keep the selected lesson on screen.
	offset := 0
	for i, r := range rows {
		if r.entry == m.homeCursor && i >= h {
			offset = i - h + 1
		}
	}
	var lines []string
	for _, r := range rows[min(offset, len(rows)):] {
		lines = append(lines, r.text)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lines[:h]
}

// homeRows are the chapter list's lines, after a word on the cluster when
// exercises cannot run yet.
func (m Model) homeRows(w int) []homeRow {
	rows := m.chapterRows(w)
	if problem := m.clusterProblem(); problem != "" && m.opts.StartSandbox != nil {
		// Exercises need a cluster: say how to get one before the list.
		var top []homeRow
		for _, l := range textwrap.Wrap(problem, max(w-2, 1)) {
			top = append(top, homeRow{m.styles().warn.Render(" " + l), -1})
		}
		rows = append(append(top, homeRow{"", -1}), rows...)
	}
	return rows
}

// homeEntryAt maps a screen row to an entry of the chapter list.
func (m Model) homeEntryAt(y int) (int, bool) {
	rows := m.homeRows(m.width)
	h := max(m.height-2-len(m.noticeLines(max(m.width, 1), max(m.height, 1))), 0)
	offset := 0
	for i, r := range rows {
		if r.entry == m.homeCursor && i >= h {
			offset = i - h + 1
		}
	}
	i := y - 1 + offset // The header is row 0.
	if y < 1 || i < 0 || i >= len(rows) || rows[i].entry < 0 {
		return 0, false
	}
	return rows[i].entry, true
}
