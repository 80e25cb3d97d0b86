// The store's schema: the SQL that builds it, step by step, and the migration that takes
// a store written by any earlier Rapport to the current version.
//
// How to change the schema (after Firefox's mozStorage):
//   1. Append a step to kMigrationSteps in schema.cpp. Never edit a released step: stores
//      in the field were built by it.
//   2. Bump kSchemaVersion (one step per version; a static_assert checks the count).
//   3. Add a case to tests/test_migrations.cpp that builds a store exactly as the previous
//      version wrote it and migrates it, checking that every row survives.
// All pending steps run in one IMMEDIATE transaction, together with PRAGMA user_version:
// a store is at one version or the next, never half way. A store from a newer Rapport
// (user_version above kSchemaVersion) is refused and left untouched.
#pragma once

#include "error.h"
#include "sqlite_handle.h"

#include <filesystem>

namespace rapport::schema {

// The version this build writes (PRAGMA user_version).
inline constexpr int kSchemaVersion = 7;

// Brings the store open on `db` up to kSchemaVersion; `file` names it in errors.
Status migrate(const sqlite::Connection& db, const std::filesystem::path& file);
// For a store that can only be read: success when it is at kSchemaVersion already,
// StoreTooNew above it, StoreReadOnly below it (it would need migrating, which writes).
Status checkCurrent(const sqlite::Connection& db, const std::filesystem::path& file);

} // namespace rapport::schema
