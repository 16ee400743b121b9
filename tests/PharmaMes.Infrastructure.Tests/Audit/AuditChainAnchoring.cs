using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Audit;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Audit;

namespace PharmaMes.Infrastructure.Tests.Audit;

/// <summary>
/// The chain is signed with a key kept outside the database and anchored by checkpoints published
/// outside it: rewriting the trail and recomputing every hash is caught, whether it is done with the
/// plain algorithm, with the right algorithm but another key, or with the key itself.
/// </summary>
public class AuditChainAnchoring
{
    private static readonly AuditActor Qa = new(Guid.CreateVersion7(), "qa.anna", "Certificate of analysis checked");
    private const long Edited = 5;

    [Fact]
    public async Task AnUnchangedChainVerifiesWithKeyedEntriesAfterThoseWrittenBeforeTheKey()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-tests", Guid.NewGuid().ToString("N"));
        try
        {
            long legacy;
            await using (var before = await MesTestHost.StartAsync(folder: folder))
            {
                // The database as an older version left it: plain hashes, no key ids, and no key or checkpoint files.
                await TrailRewrite.RecomputeFromAsync(before, 1, TrailRewrite.Hashing.Plain());
                legacy = (await before.Get<AuditTrailService>().VerifyAsync()).LastSequence;
            }
            File.Delete(Path.Combine(folder, "audit-chain.key"));
            File.Delete(Path.Combine(folder, "audit-checkpoints.log"));

            await using var host = await MesTestHost.StartAsync(demo: false, folder: folder);
            await ReleaseALotAsync(host);
            await host.Get<AuditCheckpoints>().WriteAsync();

            var verification = await host.Get<AuditTrailService>().VerifyAsync();
            Assert.True(verification.Valid, verification.Problem);
            Assert.True(verification.LastSequence > legacy);
            Assert.Equal(verification.LastSequence, verification.Checked);
            // The checkpoint taken on the first start with a key, at the last plain entry, and the one after the release.
            Assert.Equal(2, verification.CheckpointsMatched);
            await using var db = host.NewContext();
            var keys = await db.AuditEntries.OrderBy(a => a.Sequence).Select(a => new { a.Sequence, a.KeyId }).ToListAsync();
            Assert.All(keys.Where(k => k.Sequence <= legacy), k => Assert.Null(k.KeyId));
            Assert.All(keys.Where(k => k.Sequence > legacy), k => Assert.Equal(host.Get<AuditChainKeys>().Current.Id, k.KeyId));
        }
        finally
        {
            MesTestHost.DeleteFolder(folder);
        }
    }

    [Theory]
    [InlineData(Edited, true, Edited, "Entry 5 was changed after it was written")]
    [InlineData(Edited, false, Edited, "Entry 5 has no key although entry 4 was signed")]
    [InlineData(1, false, 1, "Entry 1 has no key although it comes after the checkpoint of entry 0")]
    public async Task AnEditHiddenByRecomputingThePlainHashesIsNamed(long recomputeFrom, bool keepKeyIds, long broken, string problem)
    {
        await using var host = await MesTestHost.StartAsync();
        await ReleaseALotAsync(host);
        var keyId = host.Get<AuditChainKeys>().Current.Id;

        await TrailRewrite.ExecuteAsync(host, $"UPDATE AuditEntries SET NewValue = 'forged' WHERE Sequence = {Edited}");
        await TrailRewrite.RecomputeFromAsync(host, recomputeFrom, TrailRewrite.Hashing.Plain(keepKeyIds ? keyId : null));
        var verification = await host.Get<AuditTrailService>().VerifyAsync();

        Assert.False(verification.Valid);
        Assert.Equal(broken, verification.FirstBrokenSequence);
        Assert.Contains(problem, verification.Problem);
    }

    [Theory]
    [InlineData(true, "Entry 5 was changed after it was written")]
    [InlineData(false, "which is not in the key file or the key ring")]
    public async Task AnEditHiddenWithTheRightAlgorithmButWithoutTheKeyIsNamed(bool claimTheRealKeyId, string problem)
    {
        await using var host = await MesTestHost.StartAsync();
        await ReleaseALotAsync(host);
        var guessed = new byte[32];
        Random.Shared.NextBytes(guessed);
        var keyId = claimTheRealKeyId ? host.Get<AuditChainKeys>().Current.Id : new AuditChainKey(guessed).Id;

        await TrailRewrite.ExecuteAsync(host, $"UPDATE AuditEntries SET NewValue = 'forged' WHERE Sequence = {Edited}");
        await TrailRewrite.RecomputeFromAsync(host, Edited, TrailRewrite.Hashing.Hmac(keyId, guessed));
        var verification = await host.Get<AuditTrailService>().VerifyAsync();

        Assert.False(verification.Valid);
        Assert.Equal(Edited, verification.FirstBrokenSequence);
        Assert.Contains(problem, verification.Problem);
    }

    [Fact]
    public async Task TheEndCutOffConsistentlyIsCaughtByTheCheckpoint()
    {
        await using var host = await MesTestHost.StartAsync();
        await ReleaseALotAsync(host);
        var last = (await host.Get<AuditCheckpoints>().WriteAsync())!.Sequence;

        // Entries and head agree after the cut: only the checkpoint remembers how far the trail went.
        await TrailRewrite.CutAfterAsync(host, last - 3);
        var verification = await host.Get<AuditTrailService>().VerifyAsync();

        Assert.False(verification.Valid);
        Assert.Equal(last - 2, verification.FirstBrokenSequence);
        Assert.Contains($"Entries {last - 2} to {last} are missing from the end of the trail: the checkpoint", verification.Problem);
    }

    [Fact]
    public async Task TheTailRewrittenWithTheKeyItselfIsCaughtByTheCheckpoint()
    {
        await using var host = await MesTestHost.StartAsync();
        await ReleaseALotAsync(host);
        var last = (await host.Get<AuditCheckpoints>().WriteAsync())!.Sequence;
        var keyId = host.Get<AuditChainKeys>().Current.Id;

        // Someone who copied the key file can make every hash right again, but cannot re-sign the published checkpoint file.
        await TrailRewrite.ExecuteAsync(host, $"UPDATE AuditEntries SET NewValue = 'forged' WHERE Sequence = {last - 1}");
        await TrailRewrite.RecomputeFromAsync(host, last - 1, TrailRewrite.Hashing.Hmac(keyId, TrailRewrite.StolenKey(host)));
        var verification = await host.Get<AuditTrailService>().VerifyAsync();

        Assert.False(verification.Valid);
        Assert.Equal(last, verification.FirstBrokenSequence);
        Assert.Contains($"Entry {last} does not match the checkpoint written", verification.Problem);
        Assert.Contains($"rewritten between entries 1 and {last}", verification.Problem);
    }

    [Fact]
    public async Task AnEditedCheckpointIsNamed()
    {
        await using var host = await MesTestHost.StartAsync();
        var checkpoint = (await host.Get<AuditCheckpoints>().WriteAsync())!;
        var file = Path.Combine(host.Folder, "audit-checkpoints.log");

        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace(checkpoint.Hash, new string('a', AuditEntry.HashLength)));
        var verification = await host.Get<AuditTrailService>().VerifyAsync();

        Assert.False(verification.Valid);
        Assert.Equal(checkpoint.Sequence, verification.FirstBrokenSequence);
        Assert.Contains("does not carry a valid signature", verification.Problem);
    }

    [Fact]
    public async Task ARotatedKeyStartsANewSegmentAndTheOldOneVerifiesFromTheKeyRing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string oldKey;
            await using (var first = await MesTestHost.StartAsync(folder: folder))
                oldKey = first.Get<AuditChainKeys>().Current.Id;
            // Rotation: the current key is retired into the key ring, and the next start makes a new one.
            Directory.CreateDirectory(Path.Combine(folder, "audit-key-ring"));
            File.Move(Path.Combine(folder, "audit-chain.key"), Path.Combine(folder, "audit-key-ring", "audit-chain-1.key"));

            await using var host = await MesTestHost.StartAsync(demo: false, folder: folder);
            await ReleaseALotAsync(host);

            var newKey = host.Get<AuditChainKeys>().Current.Id;
            Assert.NotEqual(oldKey, newKey);
            var verification = await host.Get<AuditTrailService>().VerifyAsync();
            Assert.True(verification.Valid, verification.Problem);
            await using var db = host.NewContext();
            Assert.Equal([oldKey, newKey], await db.AuditEntries.Select(a => a.KeyId!).Distinct().OrderBy(k => k == newKey).ToListAsync());
        }
        finally
        {
            MesTestHost.DeleteFolder(folder);
        }
    }

    [Fact]
    public async Task ALostKeyIsNotReplacedByANewOne()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (await MesTestHost.StartAsync(folder: folder))
            {
            }
            File.Delete(Path.Combine(folder, "audit-chain.key"));

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => MesTestHost.StartAsync(demo: false, folder: folder));

            Assert.Contains("audit-chain.key is missing", refused.Message);
            Assert.False(File.Exists(Path.Combine(folder, "audit-chain.key")));
        }
        finally
        {
            MesTestHost.DeleteFolder(folder);
        }
    }

    private static async Task ReleaseALotAsync(MesTestHost host)
    {
        await using var db = host.NewContext(Qa);
        var lot = await db.MaterialLots.FirstAsync(l => l.Status == LotStatus.Quarantine);
        lot.Release(DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }
}
