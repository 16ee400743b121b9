using System.Security.Cryptography;
using PharmaMes.Domain.Audit;

namespace PharmaMes.Infrastructure.Audit;

/// <summary>A chain key on disk: one line, the base64 of the secret, readable by the app's account only.</summary>
internal static class AuditKeyFile
{
    public static AuditChainKey Read(string path)
    {
        var text = File.ReadAllText(path).Trim();
        byte[] secret;
        try
        {
            secret = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The audit chain key file {path} does not hold a base64 key.");
        }
        if (secret.Length < AuditChainKey.MinimumLength)
            throw new InvalidOperationException($"The audit chain key in {path} has {secret.Length} bytes; it needs at least {AuditChainKey.MinimumLength}.");
        var key = new AuditChainKey(secret);
        CryptographicOperations.ZeroMemory(secret);
        return key;
    }

    /// <summary>Writes a new key file; never overwrites one (a lost key cannot be recreated).</summary>
    public static void Write(string path, byte[] secret)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.WriteLine(Convert.ToBase64String(secret));
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }
}
