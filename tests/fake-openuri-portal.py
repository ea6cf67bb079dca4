#!/usr/bin/env python3
"""An OpenURI portal on the session bus that has no application for any address, as the
real portal answers when nothing handles help: (for test-dialogs in a sandbox). Prints
"ready" once it owns the name."""

import sys

from gi.repository import Gio, GLib

INTERFACE = """
<node>
  <interface name="org.freedesktop.portal.OpenURI">
    <method name="OpenURI">
      <arg type="s" name="parent_window" direction="in"/>
      <arg type="s" name="uri" direction="in"/>
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="o" name="handle" direction="out"/>
    </method>
    <property name="version" type="u" access="read"/>
  </interface>
</node>
"""


def method_call(connection, sender, path, interface, method, parameters, invocation):
    invocation.return_dbus_error("org.freedesktop.portal.Error.NotFound",
                                 "No application handles " + parameters.unpack()[1])


def get_property(connection, sender, path, interface, name):
    return GLib.Variant("u", 4)


def main():
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    info = Gio.DBusNodeInfo.new_for_xml(INTERFACE).interfaces[0]
    bus.register_object("/org/freedesktop/portal/desktop", info, method_call, get_property, None)
    loop = GLib.MainLoop()
    Gio.bus_own_name_on_connection(bus, "org.freedesktop.portal.Desktop", Gio.BusNameOwnerFlags.NONE,
                                   lambda *args: print("ready", flush=True), lambda *args: loop.quit())
    loop.run()
    return 1


if __name__ == "__main__":
    sys.exit(main())
