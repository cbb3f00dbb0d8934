package detail

// newValueTag marks an enum value the contract does not list yet: it is
// shown as sent, and the tag tells a support lead cxi did not invent it.
const newValueTag = "new value"

type knowable interface {
	~string
	Known() bool
}

func unknownTag[T knowable](v T) string {
	if v == "" || v.Known() {
		return ""
	}
	return newValueTag
}

func unknownPtrTag[T knowable](v *T) string {
	if v == nil {
		return ""
	}
	return unknownTag(*v)
}
