using System.Globalization;
using Microsoft.Extensions.Configuration;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Audit;

/// <summary>
/// The <c>Audit</c> section: where the chain key, the retired keys and the checkpoints live. All
/// three are outside the database on purpose, so that access to the database alone is not enough
/// to rewrite the trail unnoticed. Paths are made absolute when read.
/// </summary>
public sealed class AuditChainOptions
{
    public const string Section = "Audit";
    public const string DefaultKeyFileName = "audit-chain.key";
    public const string DefaultKeyRingFolderName = "audit-key-ring";
    public const string DefaultCheckpointFileName = "audit-checkpoints.log";

    /// <summary>The current key (base64 of at least 32 random bytes); created on first start when missing.</summary>
    public string ChainKeyFile { get; init; } = "";
    /// <summary>Retired keys, one file each, kept so that entries signed before a rotation still verify.</summary>
    public string KeyRingFolder { get; init; } = "";
    /// <summary>The append-only file the signed chain heads are written to.</summary>
    public string CheckpointFile { get; init; } = "";
    /// <summary>How often the chain head is checkpointed when entries were written since the last checkpoint.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Whether the key file was named in the settings (otherwise a default beside the data was taken).</summary>
    public bool KeyFileConfigured { get; init; }

    /// <summary>
    /// Reads the section. Without <c>Audit:ChainKeyFile</c> the key goes beside the SQLite file, or in
    /// the app's data folder for SQL Server; the key ring and the checkpoint file default to its folder.
    /// </summary>
    public static AuditChainOptions Read(IConfiguration configuration, DatabaseOptions database, string baseDirectory)
    {
        var section = configuration.GetSection(Section);
        var dataFolder = database.Provider == DatabaseProvider.Sqlite && SqliteFile.PathOf(database.ConnectionString) is var file
            && Path.IsPathRooted(file)
            ? Path.GetDirectoryName(file)!
            : Path.Combine(baseDirectory, "data");
        var configuredKey = section["ChainKeyFile"];
        var keyFile = string.IsNullOrWhiteSpace(configuredKey)
            ? Path.Combine(dataFolder, DefaultKeyFileName)
            : Path.GetFullPath(configuredKey.Trim(), baseDirectory);
        var keyFolder = Path.GetDirectoryName(keyFile)!;

        var minutesText = section["CheckpointMinutes"];
        var minutes = 5.0;
        if (!string.IsNullOrWhiteSpace(minutesText)
            && (!double.TryParse(minutesText, NumberStyles.Float, CultureInfo.InvariantCulture, out minutes) || minutes is < 0.01 or > 1440))
            throw new InvalidOperationException(
                $"The setting Audit:CheckpointMinutes has the value '{minutesText}'. Give a number of minutes from 0.01 to 1440.");

        return new AuditChainOptions
        {
            ChainKeyFile = keyFile,
            KeyFileConfigured = !string.IsNullOrWhiteSpace(configuredKey),
            KeyRingFolder = PathOr(section["KeyRingFolder"], Path.Combine(keyFolder, DefaultKeyRingFolderName), baseDirectory),
            CheckpointFile = PathOr(section["CheckpointFile"], Path.Combine(keyFolder, DefaultCheckpointFileName), baseDirectory),
            CheckpointInterval = TimeSpan.FromMinutes(minutes),
        };
    }

    private static string PathOr(string? configured, string fallback, string baseDirectory) =>
        string.IsNullOrWhiteSpace(configured) ? fallback : Path.GetFullPath(configured.Trim(), baseDirectory);
}
