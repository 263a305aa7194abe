package calendar

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// unfold splits an iCalendar file into its content lines, checking what
// the writer promises of its physical lines: CR LF endings, at most 75
// octets, each valid UTF-8 on its own, and no break inside an escape.
func unfold(data string) ([]string, error) {
	if !strings.HasSuffix(data, "\r\n") {
		return nil, fmt.Errorf("the file does not end in CR LF")
	}
	var lines []string
	for i, physical := range strings.Split(strings.TrimSuffix(data, "\r\n"), "\r\n") {
		switch {
		case strings.ContainsAny(physical, "\r\n"):
			return nil, fmt.Errorf("line %d holds a bare CR or LF: %q", i+1, physical)
		case len(physical) > maxLine:
			return nil, fmt.Errorf("line %d is %d octets: %q", i+1, len(physical), physical)
		case !utf8.ValidString(physical):
			return nil, fmt.Errorf("line %d is not valid UTF-8 on its own: %q", i+1, physical)
		case strings.HasPrefix(physical, " "):
			if len(lines) == 0 {
				return nil, fmt.Errorf("the file starts with a continuation line")
			}
			if trailingBackslashes(lines[len(lines)-1])%2 == 1 {
				return nil, fmt.Errorf("line %d continues an escape from the line before", i+1)
			}
			lines[len(lines)-1] += physical[1:]
		default:
			lines = append(lines, physical)
		}
	}
	return lines, nil
}

func trailingBackslashes(s string) int {
	return len(s) - len(strings.TrimRight(s, `\`))
}

// unescape undoes escapeText, refusing what it never writes.
func unescape(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ';' || c == ',':
			return "", fmt.Errorf("unescaped %q at %d in %q", c, i, s)
		case c != '\\':
			b.WriteByte(c)
			continue
		}
		if i+1 == len(s) {
			return "", fmt.Errorf("a lone backslash ends %q", s)
		}
		i++
		switch s[i] {
		case '\\', ';', ',':
			b.WriteByte(s[i])
		case 'n':
			b.WriteByte('\n')
		default:
			return "", fmt.Errorf("unknown escape \\%c in %q", s[i], s)
		}
	}
	return b.String(), nil
}

// property is one content line, split.
type property struct {
	name, params, value string
}

func parseLine(line string) property {
	head, value, _ := strings.Cut(line, ":")
	name, params, _ := strings.Cut(head, ";")
	return property{name, params, value}
}

// events reads an iCalendar file into its events' properties, by name
// (the first of each; alarms' triggers are collected in "TRIGGER").
func events(data string) ([]map[string]string, error) {
	lines, err := unfold(data)
	if err != nil {
		return nil, err
	}
	var out []map[string]string
	var ev map[string]string
	inAlarm := false
	for _, l := range lines {
		p := parseLine(l)
		switch {
		case p.name == "BEGIN" && p.value == "VEVENT":
			ev = map[string]string{}
		case p.name == "END" && p.value == "VEVENT":
			out = append(out, ev)
			ev = nil
		case p.name == "BEGIN" && p.value == "VALARM":
			inAlarm = true
		case p.name == "END" && p.value == "VALARM":
			inAlarm = false
		case ev == nil:
		case inAlarm && p.name == "TRIGGER":
			ev["TRIGGER"] = strings.TrimPrefix(ev["TRIGGER"]+" "+p.value, " ")
		case inAlarm:
		default:
			if p.params != "" {
				p.name += ";" + p.params
			}
			v := p.value
			if p.name == "SUMMARY" || p.name == "DESCRIPTION" || p.name == "UID" {
				if v, err = unescape(v); err != nil {
					return nil, err
				}
			}
			ev[p.name] = v
		}
	}
	return out, nil
}
