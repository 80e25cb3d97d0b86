#!/usr/bin/python3
"""Prints the description AT-SPI gives the list named ARGV[1] in the application with
process id ARGV[2] (what a screen reader reads for the selected checklist row); exits 1
when no such list appears within ten seconds. Uses the system python3 for gi.Atspi."""
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402


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
                print(found.get_description())
                return 0
        time.sleep(0.3)
    return 1


if __name__ == "__main__":
    sys.exit(main())
