// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/error.h"

#include <QCommandLineParser>
#include <QStringList>

#include <string>
#include <vector>

/** What every costscape-cli command shares: exit codes, messages, argument parsing and output. */
namespace Costscape::Cli {

enum Exit {
    Success = 0,
    InvalidInput = 1,
    Usage = 2,
};

/** "costscape-cli: message" and the hint to --help on stderr; returns Usage. */
int usage(const std::string &message);
/** The error as file:line:column: message on stderr; returns InvalidInput. */
int invalid(const Error &error);
/** The message on stderr; returns InvalidInput. */
int failed(const std::string &message);
/** Each warning as file:line:column: warning: message on stderr. */
void printWarnings(const std::vector<Error> &warnings);

// Every message is printed without control characters (Output::terminalSafe): names and ids
// quoted in them come from files, and a terminal must not act on what they hold.

/**
 * Parses one command's arguments (without the program and command names) with parser, which
 * holds the command's options and positional arguments. False (after usage() on stderr) for an
 * unknown option, an option without its value, or a positional count outside
 * [minPositional, maxPositional].
 */
bool parseCommand(QCommandLineParser &parser, const QString &command, const QStringList &arguments, int minPositional,
                  int maxPositional, int *exitCode);

/**
 * Writes text to standard output (outFile empty or "-") or to outFile as a whole
 * (Ui::writeWholeFile: a regular file through QSaveFile, so that a failure leaves the old file as
 * it was; a pipe or a device written through, never replaced; a directory refused). Success, or
 * InvalidInput with the reason on stderr: every write and flush is checked.
 */
int writeOutput(const std::string &text, const std::string &outFile);
/** text on standard output, checked as writeOutput checks it. */
int writeStdout(const std::string &text);
/** Flushes what was printed with std::cout; InvalidInput with a message when it could not be written. */
int finishStdout();

/** `-o, --output FILE`, shared by the commands that write. */
QCommandLineOption outputOption();

int evaluateCommand(const QStringList &arguments);
int validateCommand(const QStringList &arguments);
int importAwsCommand(const QStringList &arguments);
int uncertaintyCommand(const QStringList &arguments);
int compareCommand(const QStringList &arguments);

} // namespace Costscape::Cli
