package config

// setPulse reads pulse: the header's pulse line, on unless pulse = false.
// A bool, so that strict decoding already refuses "off" with its line.
func (c *Config) setPulse(f file) {
	c.HidePulse = f.Pulse != nil && !*f.Pulse
}
