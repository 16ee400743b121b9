using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>
/// The material master: kept in step with the ERP (a material is created the first time and
/// updated after) and maintained by planners and QA on the materials page. Every change is audited.
/// </summary>
public sealed class MaterialMasterService(IDbContextFactory<MesDbContext> contexts)
{
    public const int ReasonMaxLength = 500;

    private enum Mode { Upsert, CreateOnly, UpdateOnly }

    public async Task<MaterialMasterResult> UpsertAsync(MaterialMasterData data, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var code = new MaterialCode(data.Code);
        var unit = new UnitOfMeasure(data.Unit);
        try
        {
            return await SaveAsync(code, unit, data, actor, Mode.Upsert, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request created the material first: this one becomes an update of it.
            return await SaveAsync(code, unit, data, actor, Mode.Upsert, cancellationToken);
        }
    }

    /// <summary>A new material entered by hand; refused when the code exists. The reason goes into the audit trail.</summary>
    public async Task<MaterialMasterView> CreateAsync(MaterialMasterData data, string reason, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var because = actor.Because(RequiredReason(reason));
        try
        {
            return (await SaveAsync(new MaterialCode(data.Code), new UnitOfMeasure(data.Unit), data, because, Mode.CreateOnly, cancellationToken)).Material;
        }
        catch (DbUpdateException)
        {
            // Created by someone else between the check and the save.
            throw new DomainException($"A material with the code {data.Code.Trim()} already exists.");
        }
    }

    /// <summary>A change of an existing material's master data by hand, with its reason for the audit trail.</summary>
    public async Task<MaterialMasterView> UpdateAsync(MaterialMasterData data, string reason, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var because = actor.Because(RequiredReason(reason));
        return (await SaveAsync(new MaterialCode(data.Code), new UnitOfMeasure(data.Unit), data, because, Mode.UpdateOnly, cancellationToken)).Material;
    }

    public async Task<IReadOnlyList<MaterialMasterView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var materials = await db.Materials.AsNoTracking().ToListAsync(cancellationToken);
        return materials.OrderBy(m => m.Code.Value, StringComparer.Ordinal).Select(MaterialMasterView.Of).ToList();
    }

    public async Task<MaterialMasterView?> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        if (MaterialCode.TryParse(code) is not { } parsed)
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var material = await db.Materials.AsNoTracking().SingleOrDefaultAsync(m => m.Code == parsed, cancellationToken);
        return material is null ? null : MaterialMasterView.Of(material);
    }

    private static string RequiredReason(string? reason)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new DomainException("Give the reason for the change: it is kept in the audit trail.");
        if (trimmed.Length > ReasonMaxLength)
            throw new DomainException($"The reason has at most {ReasonMaxLength} characters.");
        return trimmed;
    }

    private async Task<MaterialMasterResult> SaveAsync(MaterialCode code, UnitOfMeasure unit, MaterialMasterData data, AuditActor actor, Mode mode,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(actor, cancellationToken);
        var material = await db.Materials.SingleOrDefaultAsync(m => m.Code == code, cancellationToken);
        var created = material is null;
        if (material is null)
        {
            if (mode == Mode.UpdateOnly)
                throw new DomainException($"There is no material with the code {code}.");
            material = new Material(code, data.Name, data.Type, unit, data.ReorderPoint, data.SafetyStock);
            material.SetShelfLifeAndStorage(data.ShelfLifeDays, data.StorageCondition);
            db.Materials.Add(material);
        }
        else
        {
            if (mode == Mode.CreateOnly)
                throw new DomainException($"A material with the code {code} already exists.");
            var id = material.Id;
            var hasLots = await db.MaterialLots.AnyAsync(l => l.MaterialId == id, cancellationToken);
            material.SetShelfLifeAndStorage(data.ShelfLifeDays, data.StorageCondition);
            material.UpdateMasterData(data.Name, data.Type, unit, data.ReorderPoint, data.SafetyStock, hasLots);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new(created, MaterialMasterView.Of(material));
    }
}
