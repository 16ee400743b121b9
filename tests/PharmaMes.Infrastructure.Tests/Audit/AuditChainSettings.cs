using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Tests.Audit;

/// <summary>Where the chain key and the checkpoints go, and how the key file is made.</summary>
public class AuditChainSettings
{
    [Fact]
    public void WithoutSettingsTheKeyTheKeyRingAndTheCheckpointsGoBesideTheSqliteFile()
    {
        var options = AuditChainOptions.Read(Settings(), Sqlite("/srv/mes/data/plant.db"), "/opt/pharmames");

        Assert.Equal("/srv/mes/data/audit-chain.key", options.ChainKeyFile);
        Assert.Equal("/srv/mes/data/audit-key-ring", options.KeyRingFolder);
        Assert.Equal("/srv/mes/data/audit-checkpoints.log", options.CheckpointFile);
        Assert.False(options.KeyFileConfigured);
        Assert.Equal(TimeSpan.FromMinutes(5), options.CheckpointInterval);
    }

    [Fact]
    public void AConfiguredKeyFileIsAnchoredToTheAppAndTakesTheKeyRingAndCheckpointsAlong()
    {
        var options = AuditChainOptions.Read(Settings(("Audit:ChainKeyFile", "secrets/chain.key"), ("Audit:CheckpointMinutes", "1.5")),
            Sqlite("/srv/mes/data/plant.db"), "/opt/pharmames");

        Assert.Equal("/opt/pharmames/secrets/chain.key", options.ChainKeyFile);
        Assert.Equal("/opt/pharmames/secrets/audit-key-ring", options.KeyRingFolder);
        Assert.Equal("/opt/pharmames/secrets/audit-checkpoints.log", options.CheckpointFile);
        Assert.True(options.KeyFileConfigured);
        Assert.Equal(TimeSpan.FromMinutes(1.5), options.CheckpointInterval);
    }

    [Fact]
    public void ANonsenseCheckpointIntervalStopsStartUpNamingTheSetting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            AuditChainOptions.Read(Settings(("Audit:CheckpointMinutes", "often")), Sqlite("/srv/mes/plant.db"), "/opt/pharmames"));

        Assert.Contains("Audit:CheckpointMinutes", refused.Message);
    }

    [Fact]
    public void TheKeyFileIsCreatedOnceReadableByTheOwnerOnlyAndReadBackAsTheSameKey()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var options = AuditChainOptions.Read(Settings(("Audit:ChainKeyFile", Path.Combine(folder, "k", "chain.key"))), Sqlite("/srv/mes/plant.db"), folder);
            var created = new AuditChainKeys(options, NullLogger<AuditChainKeys>.Instance).Current;

            var reread = new AuditChainKeys(options, NullLogger<AuditChainKeys>.Instance).Current;

            Assert.Equal(created.Id, reread.Id);
            Assert.Equal(44, File.ReadAllText(options.ChainKeyFile).Trim().Length);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(options.ChainKeyFile));
        }
        finally
        {
            MesTestHost.DeleteFolder(folder);
        }
    }

    private static DatabaseOptions Sqlite(string file) => new() { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" };

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
