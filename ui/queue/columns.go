package queue

// column is one column of the list; columns with a higher drop rank go
// first as the terminal narrows.
type column struct {
	title string
	width int
	drop  int // 0 never drops
}

const (
	colStatus = iota
	colSentiment
	colHandoff
	colContact
	colChannel
	colTeam
	colTicket
	colAge
)

// minContact is the narrowest the flexible contact column gets.
const minContact = 12

func allColumns() []column {
	return []column{
		colStatus:    {title: "STATUS", width: 12}, // "unresolved" plus the badge's padding
		colSentiment: {title: "MOOD", width: 9},
		colHandoff:   {title: "H", width: 1, drop: 4},
		colContact:   {title: "CONTACT", width: minContact},
		colChannel:   {title: "CHANNEL", width: 11, drop: 2},
		colTeam:      {title: "TEAM", width: 16, drop: 1},
		colTicket:    {title: "TICKET", width: 12, drop: 3},
		colAge:       {title: "AGE", width: 4},
	}
}

// gutter is the selection marker's width; sep the space between columns.
const (
	gutter = 2
	sep    = 1
)

// layoutColumns picks the columns that fit width and gives the rest to the
// contact column. It returns the kept column ids in display order.
func layoutColumns(width int) ([]int, []int) {
	cols := allColumns()
	keep := make([]bool, len(cols))
	for i := range keep {
		keep[i] = true
	}
	total := func() int {
		w := gutter
		for i, c := range cols {
			if keep[i] {
				w += c.width + sep
			}
		}
		return w - sep
	}
	for rank := 1; total() > width && rank <= 4; rank++ {
		for i, c := range cols {
			if c.drop == rank {
				keep[i] = false
			}
		}
	}
	widths := make([]int, len(cols))
	var ids []int
	for i, c := range cols {
		if keep[i] {
			ids = append(ids, i)
			widths[i] = c.width
		}
	}
	widths[colContact] += max(width-total(), 0)
	if total() > width { // narrower than the minimum: shrink contact down to 4
		widths[colContact] = max(minContact-(total()-width), 4)
	}
	return ids, widths
}
