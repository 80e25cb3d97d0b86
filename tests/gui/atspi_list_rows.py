#!/usr/bin/python3
"""Reads, over AT-SPI, the list named ARGV[1] in the application with process id ARGV[2]:
what a screen reader gets for the checklist. Prints, in UTF-8, one line per fact:
    description<TAB>the list's description (the selected row read out)
    count<TAB>how many children the list reports
    row<TAB>index<TAB>role<TAB>states (comma-separated)<TAB>name      (one per child)
Exits 1 when no such list appears within ten seconds. Uses the system python3 for gi.Atspi."""
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

STATES = {
    Atspi.StateType.SELECTED: "selected",
    Atspi.StateType.FOCUSED: "focused",
    Atspi.StateType.CHECKABLE: "checkable",
    Atspi.StateType.CHECKED: "checked",
    Atspi.StateType.SELECTABLE: "selectable",
    Atspi.StateType.SHOWING: "showing",
    Atspi.StateType.DEFUNCT: "defunct",
}


def find_list(node, name, depth=0):
    if node is None or depth > 60:
        return None
    try:
        if node.get_role() == Atspi.Role.LIST and node.get_name() == name:
            return node
        for i in range(node.get_child_count()):
            found = find_list(node.get_child_at_index(i), name, depth + 1)
            if found is not None:
                return found
    except Exception:  # a node that went away while walking
        return None
    return None


def one_line(text):
    return (text or "").replace("\t", " ").replace("\n", " ")


def report(found):
    lines = ["description\t" + one_line(found.get_description())]
    count = found.get_child_count()
    lines.append("count\t%d" % count)
    for i in range(count):
        child = found.get_child_at_index(i)
        if child is None:
            lines.append("row\t%d\tnone\t\t" % i)
            continue
        states = child.get_state_set()
        held = [word for state, word in STATES.items() if states.contains(state)]
        lines.append("row\t%d\t%s\t%s\t%s" % (i, child.get_role_name(), ",".join(held), one_line(child.get_name())))
    sys.stdout.write("\n".join(lines) + "\n")


def main():
    name, pid = sys.argv[1], int(sys.argv[2])
    deadline = time.time() + 10
    while time.time() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            try:
                if app is None or app.get_process_id() != pid:
                    continue
            except Exception:
                continue
            found = find_list(app, name)
            if found is not None:
                report(found)
                return 0
        time.sleep(0.3)
    return 1


if __name__ == "__main__":
    sys.exit(main())
