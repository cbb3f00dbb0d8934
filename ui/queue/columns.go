package queue

// column is one column of the list; columns with a higher drop rank go
// first as the terminal narrows.
type column struct {
	title string
	width int
	drop  int // 0 never drops
}

const (
	colMark = iota
	colStatus
	colSentiment
	colHandoff
	colContact
	colChannel
	colTeam
	colTicket
	colAge
	colFlags
)

// minContact is the narrowest the flexible contact column gets.
const minContact = 12

// maxTicket bounds how wide the ticket column grows for long external IDs
// (a UUID-sized ID fits).
const maxTicket = 36

// keepContact is what the contact column keeps before it gives more to a
// long ticket ID: a name is still readable at 20 cells.
const keepContact = 20

func allColumns() []column {
	return []column{
		colMark:      {title: "", width: 5},        // ✓ 12h, •, new: the user's own history
		colStatus:    {title: "STATUS", width: 12}, // "unresolved" plus the badge's padding
		colSentiment: {title: "MOOD", width: 9},
		colHandoff:   {title: "H", width: 3, drop: 4}, // ⇄ and the reason's code (why.go)
		colContact:   {title: "CONTACT", width: minContact},
		colChannel:   {title: "CHANNEL", width: 11, drop: 2},
		colTeam:      {title: "TEAM", width: 16, drop: 1},
		colTicket:    {title: "TICKET", width: 12, drop: 3},
		colAge:       {title: "AGE", width: 4},
		colFlags:     {title: "!", width: 2}, // integrity flags: "!2" (flags.go)
	}
}

// gutter is the selection marker's width; sep the space between columns.
const (
	gutter = 2
	sep    = 1
)

// layoutColumns picks the columns that fit width and gives the rest to the
// contact column. It returns the kept column ids in display order. The
// ticket column grows toward ticketNeed cells (the widest external_id
// loaded): it takes the contact column's padding beyond contactNeed (its
// widest name) first, then the contact's width down to keepContact. It
// never takes another column's place: a ticket longer than that is cut
// with "…" in its cell (the preview and the pane show it whole, and y
// copies it whole), and the TEAM column stays.
//
// The mark column (the user's history) is there only with a store.
func layoutColumns(width, contactNeed, ticketNeed int, marks bool) ([]int, []int) {
	cols := allColumns()
	keep := make([]bool, len(cols))
	for i := range keep {
		keep[i] = true
	}
	keep[colMark] = marks
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
	widths := sized(cols, keep, width, total(), contactNeed, ticketNeed)
	var ids []int
	for i := range cols {
		if keep[i] {
			ids = append(ids, i)
		}
	}
	return ids, widths
}

// sized gives the kept columns their widths: the spare cells to the
// contact column, then what a long ticket ID needs from it.
func sized(cols []column, keep []bool, width, total, contactNeed, ticketNeed int) []int {
	widths := make([]int, len(cols))
	for i, c := range cols {
		if keep[i] {
			widths[i] = c.width
		}
	}
	widths[colContact] += max(width-total, 0)
	if total > width { // narrower than the minimum: shrink contact down to 4
		widths[colContact] = max(minContact-(total-width), 4)
	}
	if keep[colTicket] {
		grow := min(ticketNeed, maxTicket) - widths[colTicket]
		padding := max(widths[colContact]-max(contactNeed, minContact), 0)
		spare := max(widths[colContact]-keepContact, 0)
		give := max(min(grow, max(padding, spare)), 0)
		widths[colTicket] += give
		widths[colContact] -= give
	}
	return widths
}
