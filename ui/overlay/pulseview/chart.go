package pulseview

import (
	"strings"

	"github.com/NimbleMarkets/ntcharts/barchart"
	"github.com/NimbleMarkets/ntcharts/sparkline"
	"github.com/charmbracelet/lipgloss"
)

// bars draws one horizontal bar per value, width cells at most, scaled to
// top (the largest value when top is 0), each in its style: one line per
// value, in order. Nothing to scale (all zero) draws empty lines.
func bars(values []float64, top float64, width int, style func(i int) lipgloss.Style) []string {
	out := make([]string, len(values))
	for _, v := range values {
		top = max(top, v)
	}
	if len(values) == 0 || width < 1 || top <= 0 {
		for i := range out {
			out[i] = strings.Repeat(" ", max(width, 0))
		}
		return out
	}
	bc := barchart.New(width, len(values), barchart.WithHorizontalBars(), barchart.WithNoAxis(),
		barchart.WithBarWidth(1), barchart.WithBarGap(0), barchart.WithMaxValue(top), barchart.WithNoAutoMaxValue())
	data := make([]barchart.BarData, len(values))
	for i, v := range values {
		data[i] = barchart.BarData{Values: []barchart.BarValue{{Value: max(v, 0), Style: style(i)}}}
	}
	bc.PushAll(data)
	bc.Draw()
	lines := strings.Split(bc.View(), "\n")
	copy(out, lines)
	return out
}

// spark draws values as a one-line sparkline, the latest on the right;
// more values than width keep the latest.
func spark(values []float64, width int, style lipgloss.Style) string {
	if len(values) > width {
		values = values[len(values)-width:]
	}
	if len(values) == 0 || width < 1 {
		return ""
	}
	sl := sparkline.New(len(values), 1, sparkline.WithStyle(style))
	sl.PushAll(values)
	sl.Draw()
	return sl.View()
}

// ink is a badge's colour as a bar's: its background as the foreground,
// without the badge's padding, so that a sentiment's bar is the colour of
// its badge in the queue.
func ink(badge lipgloss.Style) lipgloss.Style {
	return lipgloss.NewStyle().Foreground(badge.GetBackground())
}
