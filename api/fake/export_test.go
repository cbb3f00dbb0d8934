package fake

// Internals the external tests (package fake_test, which may import the
// demo's content) check directly.

// ListCursor is the cursor of the unfiltered list at offset, as the server
// would issue it.
func ListCursor(offset int) string { return encodeCursor(offset, listFilter{}.scope()) }

// PhoneLike is phoneLike.
var PhoneLike = phoneLike

// CompareContacts orders two search contacts as the search answers them.
func CompareContacts(aID string, aName *string, bID string, bName *string) int {
	return byNameThenID(searchContact{ID: aID, Name: aName}, searchContact{ID: bID, Name: bName})
}

// ListChannels is listChannels: the channel_type values the list accepts.
var ListChannels = listChannels
