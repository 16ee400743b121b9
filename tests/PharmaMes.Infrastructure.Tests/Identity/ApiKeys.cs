using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Infrastructure.Tests.Identity;

public class ApiKeys
{
    [Fact]
    public async Task AnIssuedKeyIsFoundByItsClearTextButOnlyItsHashIsStored()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        var keys = host.Get<ApiKeyService>();

        var issued = await keys.IssueAsync("SAP production", "admin");

        Assert.StartsWith("pmes_", issued.Key);
        Assert.True(issued.Key.Length >= 40);
        var found = await keys.FindActiveAsync(issued.Key);
        Assert.Equal(issued.Summary.Id, found?.Id);
        await using var db = host.NewContext();
        var stored = await db.ApiKeys.SingleAsync();
        Assert.NotEqual(issued.Key, stored.Hash);
        Assert.DoesNotContain(issued.Key, stored.Hash + stored.Prefix + stored.Name);
        Assert.Equal(issued.Key[..8], stored.Prefix);
    }

    [Fact]
    public async Task AWrongOrRevokedKeyIsNotFound()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        var keys = host.Get<ApiKeyService>();
        var issued = await keys.IssueAsync("Supply-chain platform", "admin");

        Assert.Null(await keys.FindActiveAsync(issued.Key + "x"));
        Assert.Null(await keys.FindActiveAsync(""));

        await keys.RevokeAsync(issued.Summary.Id, "admin");

        Assert.Null(await keys.FindActiveAsync(issued.Key));
        var listed = Assert.Single(await keys.ListAsync());
        Assert.False(listed.IsActive);
        Assert.Equal("admin", listed.RevokedBy);
    }

    [Fact]
    public async Task RevokingTwiceOrWithoutANameIsRefusedWithAReadableMessage()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        var keys = host.Get<ApiKeyService>();
        var issued = await keys.IssueAsync("ERP", "admin");
        await keys.RevokeAsync(issued.Summary.Id, "admin");

        var twice = await Assert.ThrowsAsync<DomainException>(() => keys.RevokeAsync(issued.Summary.Id, "admin"));
        var nameless = await Assert.ThrowsAsync<DomainException>(() => keys.IssueAsync("  ", "admin"));

        Assert.Contains("already revoked", twice.Message);
        Assert.Contains("name", nameless.Message);
    }

    [Fact]
    public async Task TheDemoKeyFromConfigurationWorksAndIsStoredOnce()
    {
        await using var host = await MesTestHost.StartAsync(demo: true);
        var keys = host.Get<ApiKeyService>();
        await keys.EnsureAsync("Demo ERP client", MesTestHost.DemoApiKey, "demo-seed");

        Assert.NotNull(await keys.FindActiveAsync(MesTestHost.DemoApiKey));
        Assert.Single(await keys.ListAsync());
    }

    [Fact]
    public async Task IssuingAndRevokingAKeyAreAuditedWithWhoDidItAndTheAddressTheyDidItFrom()
    {
        await using var host = await MesTestHost.StartAsync(demo: false);
        var keys = host.Get<ApiKeyService>();

        var issued = await keys.IssueAsync("MES-to-LIMS bridge", "admin", "10.20.30.40");
        await keys.RevokeAsync(issued.Summary.Id, "admin", "10.20.30.41");

        await using var db = host.NewContext();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "ApiKey" && a.EntityId == issued.Summary.Id.ToString())
            .OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(("admin", "API key issued from 10.20.30.40"), (entries[0].UserName, entries[0].Reason));
        var revoked = Assert.Single(entries, a => a.Field == "RevokedAt");
        Assert.Equal(("admin", "API key revoked from 10.20.30.41"), (revoked.UserName, revoked.Reason));
    }
}
