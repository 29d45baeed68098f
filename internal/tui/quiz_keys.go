package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"kanzen.dev/kanzen/internal/quiz"
)

// quizKey handles a key on the quiz screen.
func (m Model) quizKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p := &m.quiz
	k := msg.String()
	if k == "esc" {
		return m.leaveQuiz()
	}
	switch p.stage {
	case grading:
		return m, nil
	case judged:
		return m.judgedKey(k)
	case finished:
		if k == "enter" {
			return m.leaveQuiz()
		}
		m.scrollQuiz(k)
		return m, nil
	}
	n := p.options()
	number := 0
	if len(k) == 1 && k[0] >= '1' && k[0] <= '9' {
		number = int(k[0] - '0')
	}
	switch widgetOf(p.asked) {
	case typing:
		return m.typingKey(msg)
	case pickOne:
		switch {
		case k == "enter":
			return m.submitQuiz(p.pick(p.cursor))
		case number >= 1 && number <= n:
			p.cursor = number - 1
			return m.submitQuiz(p.pick(p.cursor))
		}
	case pickSome:
		switch {
		case k == "space" || k == "x":
			p.marked[p.cursor] = !p.marked[p.cursor]
			return m, nil
		case number >= 1 && number <= n:
			p.cursor = number - 1
			p.marked[p.cursor] = !p.marked[p.cursor]
			return m, nil
		case k == "enter":
			var chosen []int
			for i, on := range p.marked {
				if on {
					chosen = append(chosen, i)
				}
			}
			if len(chosen) == 0 {
				p.problem = m.qwords().markOne
				return m, nil
			}
			return m.submitQuiz(p.asked.ChoiceAnswer(chosen...))
		}
	case ordering:
		c := p.cursor
		switch k {
		case "shift+up", "K":
			if c > 0 {
				p.order[c], p.order[c-1] = p.order[c-1], p.order[c]
				p.cursor--
			}
			return m, nil
		case "shift+down", "J":
			if c+1 < n {
				p.order[c], p.order[c+1] = p.order[c+1], p.order[c]
				p.cursor++
			}
			return m, nil
		case "enter":
			return m.submitQuiz(p.asked.OrderAnswer(p.order))
		}
	case sorting:
		cats := len(p.asked.Categories)
		c := p.cursor
		switch {
		case k == "right" || k == "l":
			p.sorted[c] = (p.sorted[c] + 1) % cats
			return m, nil
		case k == "left" || k == "h":
			if p.sorted[c] <= 0 {
				p.sorted[c] = cats - 1
			} else {
				p.sorted[c]--
			}
			return m, nil
		case number >= 1 && number <= cats:
			// A number sorts the item and goes on to the next, so that a
			// list is sorted with one key per item.
			p.sorted[c] = number - 1
			p.cursor = min(c+1, n-1)
			return m, nil
		case k == "enter":
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
				p.problem = fmt.Sprintf(m.qwords().sortAll, left)
				return m, nil
			}
			return m.submitQuiz(quiz.Answer{Sort: sorted})
		}
	}
	// Keys every widget shares: moving the cursor, and scrolling.
	switch k {
	case "up", "k":
		p.cursor = max(p.cursor-1, 0)
	case "down", "j", "tab":
		p.cursor = clamp(p.cursor+1, 0, max(n-1, 0))
	case "shift+tab":
		p.cursor = max(p.cursor-1, 0)
	default:
		m.scrollQuiz(k)
	}
	return m, nil
}

// typingKey edits a typed answer, or sends it.
func (m Model) typingKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p := &m.quiz
	command := p.asked.Type == quiz.Command
	switch k := msg.String(); k {
	case "ctrl+d", "ctrl+s":
		return m.submitTyped()
	case "alt+enter", "ctrl+j", "shift+enter":
		if command {
			p.input.newline()
		}
	case "enter":
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
	case "pgup", "pgdown":
		m.scrollQuiz(k)
	case "tab":
		// YAML indents with spaces.
		p.input.insert("  ")
	default:
		before := p.input.Value()
		if !p.input.key(k) && msg.Text != "" {
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
func (m Model) judgedKey(k string) (tea.Model, tea.Cmd) {
	p := &m.quiz
	switch k {
	case "enter", "n", "right":
		p.next()
	case "l":
		for i, s := range m.steps {
			if s.lesson.ID == p.verdict.Lesson {
				cmd := m.goTo(i)
				m.notice = m.qwords().paused
				return m, cmd
			}
		}
	default:
		m.scrollQuiz(k)
	}
	return m, nil
}

// scrollQuiz scrolls the quiz screen for a scrolling key.
func (m *Model) scrollQuiz(k string) {
	page := max(m.height-6, 1)
	delta := map[string]int{"up": -1, "k": -1, "down": 1, "j": 1, "pgup": -page, "b": -page,
		"pgdown": page, "space": page, "f": page, "home": -1 << 20, "g": -1 << 20, "end": 1 << 20, "G": 1 << 20}[k]
	if delta == 0 {
		return
	}
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
