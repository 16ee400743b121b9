using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Erp;

/// <summary>The material master kept in step with the ERP: a material is created the first time and updated after.</summary>
public sealed class MaterialMasterService(IDbContextFactory<MesDbContext> contexts, TimeProvider clock)
{
    public async Task<MaterialMasterResult> UpsertAsync(MaterialMasterData data, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var code = new MaterialCode(data.Code);
        var unit = new UnitOfMeasure(data.Unit);
        try
        {
            return await SaveAsync(code, unit, data, actor, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request created the material first: this one becomes an update of it.
            return await SaveAsync(code, unit, data, actor, cancellationToken);
        }
    }

    public async Task<MaterialMasterView?> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        if (!Codes.TryParse(code, text => new MaterialCode(text), out var parsed))
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var material = await db.Materials.AsNoTracking().SingleOrDefaultAsync(m => m.Code == parsed, cancellationToken);
        return material is null ? null : MaterialMasterView.Of(material);
    }

    private async Task<MaterialMasterResult> SaveAsync(MaterialCode code, UnitOfMeasure unit, MaterialMasterData data, AuditActor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditActor = actor;
        db.AuditClock = clock;
        var material = await db.Materials.SingleOrDefaultAsync(m => m.Code == code, cancellationToken);
        var created = material is null;
        if (material is null)
        {
            material = new Material(code, data.Name, data.Type, unit, data.ReorderPoint, data.SafetyStock);
            db.Materials.Add(material);
        }
        else
        {
            var id = material.Id;
            var hasLots = await db.MaterialLots.AnyAsync(l => l.MaterialId == id, cancellationToken);
            material.UpdateMasterData(data.Name, data.Type, unit, data.ReorderPoint, data.SafetyStock, hasLots);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new(created, MaterialMasterView.Of(material));
    }
}
