// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/recoverystore.h"

#include "ui/document/scenariodocument.h"
#include "ui/logging.h"

#include "models/scenario/scenarioreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>
#include <exception>

namespace Costscape::Ui {

namespace {

const QString CopySuffix = QStringLiteral(".recovery.json");
const QString LockSuffix = QStringLiteral(".lock");
const QString Format = QStringLiteral("costscape-recovery");

QString lockPathFor(const QString &copyPath)
{
    return copyPath.chopped(CopySuffix.size()) + LockSuffix;
}

Error recoveryError(const QString &path, const QString &message)
{
    return Error{ErrorCode::WriteFailed, message.toStdString(), path.toStdString(), 0, 0};
}

} // namespace

RecoveryStore::RecoveryStore(ScenarioDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_session(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, [this] { flush(); });
    connect(m_document, &ScenarioDocument::scenarioChanged, this, &RecoveryStore::documentChanged);
    connect(m_document, &ScenarioDocument::modifiedChanged, this, &RecoveryStore::documentChanged);
    connect(m_document, &ScenarioDocument::fileNameChanged, this, &RecoveryStore::documentChanged);
}

RecoveryStore::~RecoveryStore()
{
    // The clean exit: nothing of this session is left to offer.
    removeCopy();
    if (m_lock)
        m_lock->unlock(); // and removes the lock file
}

QString RecoveryStore::folder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}

QString RecoveryStore::copyPath() const
{
    return folder() + QLatin1Char('/') + m_session + CopySuffix;
}

void RecoveryStore::documentChanged()
{
    if (m_document->isModified())
        m_timer.start(); // restarted by every edit of a burst: one write after the last
    else {
        // Saved, or undone back to the saved state: the file on disk holds the work.
        m_timer.stop();
        removeCopy();
    }
}

void RecoveryStore::removeCopy()
{
    QFile::remove(copyPath());
}

Result<void> RecoveryStore::flush()
{
    m_timer.stop();
    if (!m_document->isModified()) {
        removeCopy();
        return {};
    }
    const QString path = copyPath();
    if (!QDir().mkpath(folder()))
        return recoveryError(folder(), QStringLiteral("cannot create the recovery folder"));
    if (!m_lock) {
        // Held for the whole session: a copy whose lock nobody holds is an orphan.
        m_lock = std::make_unique<QLockFile>(lockPathFor(path));
        m_lock->setStaleLockTime(0);
        if (!m_lock->tryLock(0))
            qCWarning(lcDocument) << "recovery: cannot lock" << lockPathFor(path);
    }
    std::string scenario;
    try {
        scenario = Models::serializeScenario(m_document->scenario());
    } catch (const std::exception &e) {
        // A writer that throws must not take the window (and the work) down with it.
        qCWarning(lcDocument) << "recovery: cannot serialise the scenario:" << e.what();
        return recoveryError(path, QStringLiteral("cannot serialise the scenario: ") + QString::fromUtf8(e.what()));
    }
    const QJsonObject copy{{QStringLiteral("format"), Format},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("file"), m_document->fileName()},
                           {QStringLiteral("name"), m_document->displayName()},
                           {QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                           {QStringLiteral("scenario"), QString::fromStdString(scenario)}};
    const QByteArray bytes = QJsonDocument(copy).toJson(QJsonDocument::Indented);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        const QString why = file.errorString();
        file.cancelWriting();
        qCWarning(lcDocument) << "recovery: cannot write" << path << why;
        return recoveryError(path, QStringLiteral("cannot write: ") + why);
    }
    qCDebug(lcDocument) << "recovery copy written" << path;
    Q_EMIT written(path);
    return {};
}

QList<RecoveryStore::Copy> RecoveryStore::orphans() const
{
    QList<Copy> out;
    const QDir dir(folder());
    for (const QFileInfo &info : dir.entryInfoList({QLatin1Char('*') + CopySuffix}, QDir::Files)) {
        if (info.absoluteFilePath() == QFileInfo(copyPath()).absoluteFilePath())
            continue;
        // A running session holds its lock; a crashed one left it stale (QLockFile checks the
        // process), or none at all.
        QLockFile lock(lockPathFor(info.absoluteFilePath()));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue;
        lock.unlock();
        QFile f(info.absoluteFilePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        if (o.value(QStringLiteral("format")).toString() != Format)
            continue;
        Copy c;
        c.path = info.absoluteFilePath();
        c.originalFile = o.value(QStringLiteral("file")).toString();
        c.name = o.value(QStringLiteral("name")).toString();
        c.saved = QDateTime::fromString(o.value(QStringLiteral("saved")).toString(), Qt::ISODateWithMs);
        if (!c.saved.isValid())
            c.saved = info.lastModified();
        out.push_back(std::move(c));
    }
    std::sort(out.begin(), out.end(), [](const Copy &a, const Copy &b) { return a.saved > b.saved; });
    return out;
}

Result<QByteArray> RecoveryStore::scenarioText(const Copy &copy)
{
    QFile f(copy.path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{ErrorCode::FileNotFound, "cannot read the recovery copy: " + f.errorString().toStdString(),
                     copy.path.toStdString(), 0, 0};
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonValue scenario = o.value(QStringLiteral("scenario"));
    if (o.value(QStringLiteral("format")).toString() != Format || !scenario.isString())
        return Error{ErrorCode::WrongFormat, "not a Costscape recovery copy", copy.path.toStdString(), 0, 0};
    return scenario.toString().toUtf8();
}

bool RecoveryStore::remove(const Copy &copy)
{
    QFile::remove(lockPathFor(copy.path));
    return QFile::remove(copy.path);
}

} // namespace Costscape::Ui
