package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func (a *app) runTUI(cmd *cobra.Command, _ []string) error {
	return errors.New("not yet")
}
