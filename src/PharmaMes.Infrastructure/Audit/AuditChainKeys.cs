using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using PharmaMes.Domain.Audit;

namespace PharmaMes.Infrastructure.Audit;

/// <summary>
/// The chain keys: the current one (from Audit:ChainKeyFile, created on first start when the file
/// does not exist) that new entries and checkpoints are signed with, and the retired ones in the
/// key ring folder, with which older entries still verify. Read once; a rotation takes a restart.
/// </summary>
public sealed class AuditChainKeys
{
    private readonly AuditChainOptions _options;
    private readonly ILogger<AuditChainKeys> _logger;
    private readonly Lock _gate = new();
    private AuditChainKey? _current;
    private Dictionary<string, AuditChainKey>? _all;

    public AuditChainKeys(AuditChainOptions options, ILogger<AuditChainKeys> logger)
    {
        _options = options;
        _logger = logger;
    }

    /// <summary>The key new entries and checkpoints are signed with.</summary>
    public AuditChainKey Current
    {
        get
        {
            Load();
            return _current!;
        }
    }

    /// <summary>The current or a retired key with this id, or null when neither file holds it.</summary>
    public AuditChainKey? Find(string id)
    {
        Load();
        return _all!.GetValueOrDefault(id);
    }

    /// <summary>Whether the key file is there already (false before the first start, or when it was lost).</summary>
    public bool KeyFileExists => File.Exists(_options.ChainKeyFile);

    /// <summary>
    /// Reads the keys, creating the key file when there is none yet. Refuses to create one when the
    /// trail was last signed with a key that no file holds any more: that key was lost, and a new one
    /// would hide the loss until the next verification. Restore it from the backup instead.
    /// </summary>
    /// <param name="lastUsedKeyId">The key id of the newest keyed entry in the trail, if any.</param>
    public void Open(string? lastUsedKeyId)
    {
        if (_all is not null)
            return;
        lock (_gate)
        {
            if (_all is not null)
                return;
            var all = new Dictionary<string, AuditChainKey>();
            if (Directory.Exists(_options.KeyRingFolder))
            {
                foreach (var file in Directory.EnumerateFiles(_options.KeyRingFolder).Order(StringComparer.Ordinal))
                {
                    var retired = AuditKeyFile.Read(file);
                    all.TryAdd(retired.Id, retired);
                }
            }
            AuditChainKey current;
            if (File.Exists(_options.ChainKeyFile))
                current = AuditKeyFile.Read(_options.ChainKeyFile);
            else if (lastUsedKeyId is not null && !all.ContainsKey(lastUsedKeyId))
                throw new InvalidOperationException(
                    $"The audit chain key file {_options.ChainKeyFile} is missing, and the audit trail was last signed with key {lastUsedKeyId}, " +
                    $"which is not in the key ring {_options.KeyRingFolder} either. Restore the key file from its backup (Audit:ChainKeyFile). " +
                    "To rotate the key, move the old key file into the key ring folder first.");
            else
                current = Create();
            all[current.Id] = current;
            _logger.LogInformation("Audit chain signed with key {KeyId} from {KeyFile}; {Retired} retired keys in {KeyRing}",
                current.Id, _options.ChainKeyFile, all.Count - 1, _options.KeyRingFolder);
            _current = current;
            _all = all;
        }
    }

    private void Load() => Open(null);

    private AuditChainKey Create()
    {
        var secret = RandomNumberGenerator.GetBytes(AuditChainKey.MinimumLength);
        try
        {
            AuditKeyFile.Write(_options.ChainKeyFile, secret);
        }
        catch (IOException) when (File.Exists(_options.ChainKeyFile))
        {
            // Another node or process sharing the folder made it first: use theirs.
            return AuditKeyFile.Read(_options.ChainKeyFile);
        }
        var key = new AuditChainKey(secret);
        CryptographicOperations.ZeroMemory(secret);
        _logger.LogWarning(
            "Created a new audit chain key {KeyId} in {KeyFile}. Back this file up now, apart from the database backups: " +
            "without it the audit trail signed with it can no longer be verified. Set Audit:ChainKeyFile to keep it elsewhere.",
            key.Id, _options.ChainKeyFile);
        return key;
    }
}
