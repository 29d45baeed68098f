package cli

import (
	"os"
	"strconv"
	"strings"

	"golang.org/x/term"
)

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// terminalWidth is the terminal's width, at most a comfortable reading
// width.
func terminalWidth(f *os.File) int {
	w, _, err := term.GetSize(int(f.Fd()))
	if err != nil || w <= 0 {
		return 80
	}
	return min(w, 100)
}

// backgroundIsDark reads COLORFGBG ("foreground;background" colour
// numbers, set by rxvt, Konsole and others): backgrounds 7 and 9–15 are
// light. Without it the background is taken to be dark, as most are.
func backgroundIsDark(colorfgbg string) bool {
	fields := strings.Split(colorfgbg, ";")
	bg, err := strconv.Atoi(fields[len(fields)-1])
	return err != nil || !(bg == 7 || (bg >= 9 && bg <= 15))
}
