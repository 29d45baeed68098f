package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"kanzen.dev/kanzen/internal/quiz"
)

// quizKey handles a key on the quiz screen.
func (m Model) quizKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p := &m.quiz
	if m.pressed(msg, leaveKey) {
		return m.leaveQuiz()
	}
	switch p.stage {
	case grading:
		return m, nil
	case judged:
		return m.judgedKey(msg)
	case finished:
		if m.pressed(msg, toChaptersKey) {
			return m.leaveQuiz()
		}
		m.scrollQuiz(msg)
		return m, nil
	}
	switch widgetOf(p.asked) {
	case typing:
		return m.typingKey(msg)
	case pickOne:
		return m.pickOneKey(msg)
	case pickSome:
		return m.pickSomeKey(msg)
	case ordering:
		return m.orderingKey(msg)
	}
	return m.sortingKey(msg)
}

// number is the number key pressed, from 1 to 9, or 0.
func (m Model) number(msg tea.KeyPressMsg) int {
	if !m.pressed(msg, numberKey) {
		return 0
	}
	return int(msg.String()[0] - '0')
}

func (m Model) pickOneKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p := &m.quiz
	switch n := m.number(msg); {
	case m.pressed(msg, answerKey):
		return m.submitQuiz(p.pick(p.cursor))
	case n >= 1 && n <= p.options():
		p.cursor = n - 1
		return m.submitQuiz(p.pick(p.cursor))
	}
	return m.choosingKey(msg)
}

func (m Model) pickSomeKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p := &m.quiz
	switch n := m.number(msg); {
	case m.pressed(msg, markKey):
		p.marked[p.cursor] = !p.marked[p.cursor]
		return m, nil
	case n >= 1 && n <= p.options():
		p.cursor = n - 1
		p.marked[p.cursor] = !p.marked[p.cursor]
		return m, nil
	case m.pressed(msg, answerKey):
		var chosen []int
		for i, on := range p.marked {
			if on {
				chosen = append(chosen, i)
			}
		}
		if len(chosen) == 0 {
			p.problem = markOne.In(m.lang)
			return m, nil
		}
		return m.submitQuiz(p.asked.ChoiceAnswer(chosen...))
	}
	return m.choosingKey(msg)
}

func (m Model) orderingKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p := &m.quiz
	c := p.cursor
	switch {
	case m.pressed(msg, moveUpKey):
		if c > 0 {
			p.order[c], p.order[c-1] = p.order[c-1], p.order[c]
			p.cursor--
		}
		return m, nil
	case m.pressed(msg, moveDownKey):
		if c+1 < p.options() {
			p.order[c], p.order[c+1] = p.order[c+1], p.order[c]
			p.cursor++
		}
		return m, nil
	case m.pressed(msg, answerKey):
		return m.submitQuiz(p.asked.OrderAnswer(p.order))
	}
	return m.choosingKey(msg)
}

func (m Model) sortingKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p := &m.quiz
	cats := len(p.asked.Categories)
	c := p.cursor
	switch n := m.number(msg); {
	case m.pressed(msg, nextCategory):
		p.sorted[c] = (p.sorted[c] + 1) % cats
		return m, nil
	case m.pressed(msg, prevCategory):
		if p.sorted[c] <= 0 {
			p.sorted[c] = cats - 1
		} else {
			p.sorted[c]--
		}
		return m, nil
	case n >= 1 && n <= cats:
		// A number sorts the item and goes on to the next, so that a
		// list is sorted with one key per item.
		p.sorted[c] = n - 1
		p.cursor = min(c+1, p.options()-1)
		return m, nil
	case m.pressed(msg, answerKey):
		left := 0
		sorted := map[string]quiz.Category{}
		for i, cat := range p.sorted {
			if cat < 0 {
				left++
				continue
			}
			sorted[p.asked.Sorted[p.asked.Shown[i]].Name] = p.asked.Categories[cat]
		}
		if left > 0 {
			p.problem = sortAll.With(left).In(m.lang)
			return m, nil
		}
		return m.submitQuiz(quiz.Answer{Sort: sorted})
	}
	return m.choosingKey(msg)
}

// choosingKey handles the keys every choosing widget shares: moving the
// cursor, and scrolling.
func (m Model) choosingKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p := &m.quiz
	switch {
	case m.pressed(msg, quizUpKey, prevChoiceKey):
		p.cursor = max(p.cursor-1, 0)
	case m.pressed(msg, quizDownKey, nextChoiceKey):
		p.cursor = clamp(p.cursor+1, 0, max(p.options()-1, 0))
	default:
		m.scrollQuiz(msg)
	}
	return m, nil
}

// typingKey edits a typed answer, or sends it.
func (m Model) typingKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p := &m.quiz
	command := p.asked.Type == quiz.Command
	switch {
	case m.pressed(msg, checkKey):
		return m.submitTyped()
	case m.pressed(msg, newLineKey):
		if command {
			p.input.newline()
		}
	case m.pressed(msg, sendKey):
		line := strings.TrimSpace(string(p.input.line()))
		last := p.input.row+1 == len(p.input.lines)
		switch {
		case command && strings.HasSuffix(line, `\`):
			p.input.newline()
		case p.manifest() && (line != "." || !last):
			// A last line holding only a dot ends the manifest, as in
			// kanzen quiz; until then enter starts its next line.
			p.input.newline()
		default:
			return m.submitTyped()
		}
	case m.pressed(msg, typingPageUpKey, typingPageDownKey):
		m.scrollQuiz(msg)
	case m.pressed(msg, indentKey):
		// YAML indents with spaces.
		p.input.insert("  ")
	default:
		before := p.input.Value()
		if !p.input.key(msg.String()) && msg.Text != "" {
			p.input.insert(msg.Text)
		}
		if p.input.Value() != before {
			// What was wrong with the answer is being put right.
			p.problem = ""
		}
	}
	return m, nil
}

// judgedKey handles a key while a verdict is on screen.
func (m Model) judgedKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p := &m.quiz
	switch {
	case m.pressed(msg, nextKey):
		p.next()
	case m.pressed(msg, lessonKey):
		for i, s := range m.steps {
			if s.lesson.ID == p.verdict.Lesson {
				cmd := m.goTo(i)
				m.notice = quizPaused.In(m.lang)
				return m, cmd
			}
		}
	default:
		m.scrollQuiz(msg)
	}
	return m, nil
}

// scrollQuiz scrolls the quiz screen for a scrolling key.
func (m *Model) scrollQuiz(msg tea.KeyPressMsg) {
	page := max(m.height-6, 1)
	switch {
	case m.pressed(msg, scrollUpKey):
		m.scrollQuizBy(-1)
	case m.pressed(msg, scrollDownKey):
		m.scrollQuizBy(1)
	case m.pressed(msg, quizPageUpKey, typingPageUpKey):
		m.scrollQuizBy(-page)
	case m.pressed(msg, quizPageDownKey, typingPageDownKey):
		m.scrollQuizBy(page)
	case m.pressed(msg, topKey):
		m.scrollQuizBy(-1 << 20)
	case m.pressed(msg, bottomKey):
		m.scrollQuizBy(1 << 20)
	}
}

// scrollQuizBy moves the quiz screen by delta lines.
func (m *Model) scrollQuizBy(delta int) {
	l := m.shownQuizLayout()
	m.quiz.offset = clamp(l.offset(m.quiz.offset)+delta, 0, max(len(l.lines)-(l.h-2), 0))
}

// quizClick picks the choice or item under the mouse.
func (m Model) quizClick(msg tea.MouseClickMsg) (tea.Model, tea.Cmd) {
	p := &m.quiz
	if p.stage != answering || widgetOf(p.asked) == typing {
		return m, nil
	}
	l := m.shownQuizLayout()
	targets, offset := l.targets, l.offset(p.offset)
	// The header is row 0 and the box's top edge row 1.
	i := msg.Y - 2 + offset
	if msg.Y < 2 || msg.Y >= m.quizBoxHeight() || i < 0 || i >= len(targets) || targets[i] < 0 {
		return m, nil
	}
	p.cursor = targets[i]
	switch widgetOf(p.asked) {
	case pickOne:
		return m.submitQuiz(p.pick(p.cursor))
	case pickSome:
		p.marked[p.cursor] = !p.marked[p.cursor]
	}
	return m, nil
}
