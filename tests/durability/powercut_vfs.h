// Test-only: a VFS that simulates a power cut (see powercut_vfs.cpp).
#pragma once

// Makes the power-cut VFS the default when $RAPPORT_POWERCUT_AT is set; true if installed.
bool installPowerCutVfsFromEnvironment();
