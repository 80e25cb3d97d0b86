#!/usr/bin/env python3
"""A stand-in for the desktop's notification service on a private session bus (the test
runs under dbus-run-session), for test_reminders_gui. It owns org.freedesktop.Notifications,
appends each Notify call to RECORD as one line (id, summary, body, then each action's key
and label; tab-separated, with tab, newline and backslash escaped as \\t, \\n, \\\\), and
emits ActionInvoked(id, key) when asked through org.rapport.FakeNotifications.Invoke, as a
desktop does when the user clicks a notification ("default") or one of its buttons.
It writes READY once it owns the name, and quits on Quit() or after five minutes.

    fake_notifications.py RECORD READY
"""
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
CONTROL = "org.rapport.FakeNotifications"


def escaped(text):
    return str(text).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


class FakeNotifications(dbus.service.Object):
    def __init__(self, bus, record, loop):
        super().__init__(bus, PATH)
        self.record = record
        self.loop = loop
        self.last_id = 0

    @dbus.service.method(NAME, in_signature="", out_signature="as")
    def GetCapabilities(self):
        return ["actions", "body"]

    @dbus.service.method(NAME, in_signature="", out_signature="ssss")
    def GetServerInformation(self):
        return ("rapport-fake-notifications", "rapport", "1.0", "1.2")

    @dbus.service.method(NAME, in_signature="susssasa{sv}i", out_signature="u")
    def Notify(self, app_name, replaces_id, icon, summary, body, actions, hints, timeout):
        if replaces_id:
            nid = int(replaces_id)
        else:
            self.last_id += 1
            nid = self.last_id
        fields = [str(nid), escaped(summary), escaped(body)] + [escaped(a) for a in actions]
        with open(self.record, "a", encoding="utf-8") as out:
            out.write("\t".join(fields) + "\n")
        return dbus.UInt32(nid)

    @dbus.service.method(NAME, in_signature="u", out_signature="")
    def CloseNotification(self, nid):
        self.NotificationClosed(nid, dbus.UInt32(3))

    @dbus.service.signal(NAME, signature="us")
    def ActionInvoked(self, nid, key):
        pass

    @dbus.service.signal(NAME, signature="uu")
    def NotificationClosed(self, nid, reason):
        pass

    @dbus.service.method(CONTROL, in_signature="us", out_signature="")
    def Invoke(self, nid, key):
        self.ActionInvoked(dbus.UInt32(nid), key)

    @dbus.service.method(CONTROL, in_signature="", out_signature="")
    def Quit(self):
        GLib.idle_add(self.loop.quit)


def main():
    record, ready = sys.argv[1], sys.argv[2]
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    loop = GLib.MainLoop()
    name = dbus.service.BusName(NAME, bus, do_not_queue=True)
    server = FakeNotifications(bus, record, loop)
    with open(ready, "w", encoding="utf-8") as out:
        out.write("ready\n")
    GLib.timeout_add_seconds(300, loop.quit)
    loop.run()
    del server, name


if __name__ == "__main__":
    main()
