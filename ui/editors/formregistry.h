// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/platforms/platforms.h"

class QWidget;

namespace Costscape::Ui {

class PlatformForm;

/**
 * A new form for the options of platform, owned by parent. Every Models::Platform has one: the
 * forms are listed once, in formregistry.cpp, one line per platform, in the order of the
 * Platform enum; nothing else in the editors chooses by platform.
 */
PlatformForm *createPlatformForm(Models::Platform platform, QWidget *parent);

} // namespace Costscape::Ui
