// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/filewriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <filesystem>
#include <system_error>

namespace Costscape::Ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Costscape::Ui::FileWriter", text);
}

/** Writes all of bytes to an open device, then flushes; false on any short write. */
bool writeAll(QFileDevice &file, const QByteArray &bytes)
{
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 n = file.write(bytes.constData() + done, bytes.size() - done);
        if (n <= 0)
            return false;
        done += n;
    }
    return file.flush();
}

} // namespace

QString writeWholeFile(const QString &fileName, const QByteArray &bytes)
{
    if (fileName.isEmpty())
        return tr("no file name");
    // What the name stands for, following links: a device or a pipe must not be renamed over.
    std::error_code ec;
    const std::filesystem::path path(QFile::encodeName(fileName).toStdString());
    const std::filesystem::file_status status = std::filesystem::status(path, ec);
    const std::filesystem::file_type type = ec ? std::filesystem::file_type::not_found : status.type();
    switch (type) {
    case std::filesystem::file_type::directory: return tr("it is a directory");
    case std::filesystem::file_type::block:
    case std::filesystem::file_type::socket:
        return tr("it is a block device or a socket, not a file");
    case std::filesystem::file_type::fifo:
    case std::filesystem::file_type::character: {
        // Written through: a reader on the pipe, or the device, gets the bytes as they come.
        QFile device(fileName);
        if (!device.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return device.errorString();
        const bool written = writeAll(device, bytes);
        const QString why = device.errorString();
        device.close();
        if (!written || device.error() != QFileDevice::NoError)
            return why;
        return {};
    }
    default: break;
    }
    // A regular file or a new path. QSaveFile follows a symbolic link and replaces its target.
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    if (!writeAll(file, bytes) || !file.commit()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return why;
    }
    return {};
}

} // namespace Costscape::Ui
