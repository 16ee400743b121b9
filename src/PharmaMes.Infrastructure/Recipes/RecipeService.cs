using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.Infrastructure.Recipes;

/// <summary>
/// Master batch records (ISA-88 master recipes): reads them, lets authors change Drafts, makes new
/// versions, approves a Draft with a QA e-signature and withdraws Approved versions. Each change is
/// one use case in one SaveChanges: the domain checks it, and the change, its audit entries and any
/// signature are saved together or not at all.
/// </summary>
public sealed class RecipeService(IDbContextFactory<MesDbContext> contexts, ElectronicSigning signing, TimeProvider clock)
{
    /// <summary>The subject type of signatures on a recipe version.</summary>
    public const string SubjectType = nameof(MasterRecipe);

    // ----- Reading -----

    /// <summary>Every version of every product, by product code, newest version first.</summary>
    public async Task<IReadOnlyList<RecipeSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SummariesAsync(db, db.MasterRecipes.AsNoTracking(), cancellationToken);
    }

    /// <summary>The versions of one product, newest first.</summary>
    public async Task<IReadOnlyList<RecipeSummary>> VersionsAsync(string productCode, CancellationToken cancellationToken = default)
    {
        var code = new MaterialCode(productCode);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SummariesAsync(db, db.MasterRecipes.AsNoTracking().Where(r => r.ProductCode == code), cancellationToken);
    }

    /// <summary>One version with everything it defines and its signatures; null when there is no such version.</summary>
    public async Task<RecipeDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recipe = await WithContent(db.MasterRecipes.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return recipe is null ? null : await DetailsAsync(db, recipe, cancellationToken);
    }

    /// <summary>The Approved version of a product, the one new batches are made with; null when there is none.</summary>
    public async Task<RecipeDetails?> CurrentApprovedAsync(string productCode, CancellationToken cancellationToken = default)
    {
        var code = new MaterialCode(productCode);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recipe = await WithContent(db.MasterRecipes.AsNoTracking())
            .Where(r => r.ProductCode == code && r.Status == RecipeStatus.Approved)
            .OrderByDescending(r => r.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return recipe is null ? null : await DetailsAsync(db, recipe, cancellationToken);
    }

    /// <summary>The materials of the material master, for picking a product or a bill of materials line.</summary>
    public async Task<IReadOnlyList<MaterialChoice>> MaterialChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var materials = await db.Materials.AsNoTracking().ToListAsync(cancellationToken);
        return materials.OrderBy(m => m.Type).ThenBy(m => m.Code.Value, StringComparer.Ordinal)
            .Select(m => new MaterialChoice(m.Code.Value, m.Name, m.Type, m.Unit.Symbol)).ToList();
    }

    /// <summary>What changed from version <paramref name="fromId"/> to version <paramref name="toId"/> of the same product.</summary>
    public async Task<RecipeVersionComparison> CompareAsync(Guid fromId, Guid toId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recipes = await WithContent(db.MasterRecipes.AsNoTracking()).Where(r => r.Id == fromId || r.Id == toId).ToListAsync(cancellationToken);
        var from = recipes.SingleOrDefault(r => r.Id == fromId) ?? throw NotFound();
        var to = recipes.SingleOrDefault(r => r.Id == toId) ?? throw NotFound();
        if (from.ProductCode != to.ProductCode)
            throw new DomainException($"{from.Label} and {to.Label} are recipes of different products: compare two versions of the same product.");
        var summaries = await SummariesAsync(db, db.MasterRecipes.AsNoTracking().Where(r => r.Id == fromId || r.Id == toId), cancellationToken);
        return new RecipeVersionComparison(summaries.Single(s => s.Id == fromId), summaries.Single(s => s.Id == toId), RecipeComparison.Compare(from, to));
    }

    // ----- Drafting -----

    /// <summary>The first version of a product's recipe, an empty Draft authored by <paramref name="by"/>; returns its id.</summary>
    public async Task<Guid> CreateDraftAsync(NewRecipe draft, AuditActor by, CancellationToken cancellationToken = default)
    {
        var author = AuthorOf(by);
        await using var db = await OpenAsync(by, cancellationToken);
        var product = await ProductAsync(db, draft.ProductCode, cancellationToken);
        if (await db.MasterRecipes.Where(r => r.ProductCode == product.Code).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken) is { } existing)
            throw new DomainException($"{product.Code} already has a master batch record ({existing.Label}, {existing.Status}): make a new version of it instead.");
        var recipe = MasterRecipe.Create(product.Code, draft.ProductName ?? "", BatchSize(product, draft.StandardBatchSize), author,
            await PrintedNameAsync(db, author, by, cancellationToken), clock.GetUtcNow(), draft.Description);
        db.MasterRecipes.Add(recipe);
        await db.SaveChangesAsync(cancellationToken);
        return recipe.Id;
    }

    public Task ChangeHeaderAsync(Guid id, RecipeHeader header, AuditActor by, CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(id, by, async (db, recipe) =>
        {
            var product = await ProductAsync(db, recipe.ProductCode.Value, cancellationToken);
            recipe.ChangeProductName(header.ProductName ?? "");
            recipe.SetStandardBatchSize(BatchSize(product, header.StandardBatchSize));
            recipe.ChangeDescription(header.Description);
        }, cancellationToken);

    /// <summary>Adds a step at the end; returns its number.</summary>
    public async Task<int> AddStepAsync(Guid id, RecipeStepInput step, AuditActor by, CancellationToken cancellationToken = default)
    {
        var number = 0;
        await ChangeDraftAsync(id, by, (_, recipe) =>
        {
            number = recipe.AddStep(step.Name ?? "", step.Instructions ?? "", step.RequiredEquipmentClass, step.RequiresVerification).Number;
            return Task.CompletedTask;
        }, cancellationToken);
        return number;
    }

    public Task UpdateStepAsync(Guid id, int number, RecipeStepInput step, AuditActor by, CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(id, by, recipe => recipe.UpdateStep(number, step.Name ?? "", step.Instructions ?? "", step.RequiredEquipmentClass, step.RequiresVerification),
            cancellationToken);

    /// <summary>Moves a step to place <paramref name="newNumber"/>; the steps between shift and materials follow their step.</summary>
    public Task MoveStepAsync(Guid id, int number, int newNumber, AuditActor by, CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(id, by, recipe => recipe.MoveStep(number, newNumber), cancellationToken);

    /// <summary>Removes a step with its parameters and checks; refused while it still dispenses materials.</summary>
    public Task RemoveStepAsync(Guid id, int number, AuditActor by, CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(id, by, recipe => recipe.RemoveStep(number), cancellationToken);

    public Task AddParameterAsync(Guid id, int stepNumber, ProcessParameterInput parameter, AuditActor by, CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(id, by, async (db, recipe) =>
        {
            var added = recipe.AddParameter(stepNumber, parameter.Name ?? "", Unit(parameter.Unit), parameter.Target, new ValueRange(parameter.Low, parameter.High));
            await CaptureAsync(db, recipe, stepNumber, added.Name, parameter, cancellationToken);
        }, cancellationToken);

    /// <summary>Changes the unit, target and limits of the parameter named <see cref="ProcessParameterInput.Name"/>.</summary>
    public Task UpdateParameterAsync(Guid id, int stepNumber, ProcessParameterInput parameter, AuditActor by, CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(id, by, async (db, recipe) =>
        {
            var changed = recipe.UpdateParameter(stepNumber, parameter.Name ?? "", Unit(parameter.Unit), parameter.Target, new ValueRange(parameter.Low, parameter.High));
            await CaptureAsync(db, recipe, stepNumber, changed.Name, parameter, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Sets where the parameter is captured from; a tag is refused unless some equipment of the step's
    /// class reports it with the parameter's unit, so a recipe cannot name a value no device sends.
    /// </summary>
    private static async Task CaptureAsync(MesDbContext db, MasterRecipe recipe, int stepNumber, string name, ProcessParameterInput parameter,
        CancellationToken cancellationToken)
    {
        TagName? tag = string.IsNullOrWhiteSpace(parameter.CaptureTag) ? null : new TagName(parameter.CaptureTag.Trim());
        var captured = recipe.CaptureParameter(stepNumber, name, tag, parameter.Capture);
        if (tag is not { } named || recipe.FindStep(stepNumber)?.RequiredEquipmentClass is not { } equipmentClass)
            return;
        var units = await db.Equipment.AsNoTracking().Where(e => e.Class == equipmentClass).SelectMany(e => e.Tags)
            .Where(t => t.Name == named).Select(t => t.Unit).ToListAsync(cancellationToken);
        if (units.Count == 0)
            throw new DomainException($"No {equipmentClass} equipment reports the tag '{named}': define it on the plant first, or leave the parameter typed.");
        if (!units.Contains(captured.Unit))
            throw new DomainException(
                $"The tag '{named}' is reported in {string.Join(", ", units.Distinct())}, not in {captured.Unit}: the parameter and the tag must share a unit.");
    }

    public Task RemoveParameterAsync(Guid id, int stepNumber, string name, AuditActor by, CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(id, by, recipe => recipe.RemoveParameter(stepNumber, name), cancellationToken);

    public Task AddCheckAsync(Guid id, int stepNumber, InProcessCheckInput check, AuditActor by, CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(id, by, recipe => recipe.AddCheck(stepNumber, check.Name ?? "", Unit(check.Unit), new ValueRange(check.Low, check.High)),
            cancellationToken);

    /// <summary>Changes the unit and limits of the check named <see cref="InProcessCheckInput.Name"/>.</summary>
    public Task UpdateCheckAsync(Guid id, int stepNumber, InProcessCheckInput check, AuditActor by, CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(id, by, recipe => recipe.UpdateCheck(stepNumber, check.Name ?? "", Unit(check.Unit), new ValueRange(check.Low, check.High)),
            cancellationToken);

    public Task RemoveCheckAsync(Guid id, int stepNumber, string name, AuditActor by, CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(id, by, recipe => recipe.RemoveCheck(stepNumber, name), cancellationToken);

    /// <summary>Adds a material line; the quantity is in the unit of the material master.</summary>
    public Task AddMaterialAsync(Guid id, MaterialLineInput line, AuditActor by, CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(id, by, async (db, recipe) =>
        {
            var material = await MaterialAsync(db, line.MaterialCode, cancellationToken);
            recipe.AddMaterial(material.Code, Amount(material, line.Quantity), line.TolerancePercentBelow, line.TolerancePercentAbove, line.StepNumber);
        }, cancellationToken);

    public Task UpdateMaterialAsync(Guid id, MaterialLineInput line, AuditActor by, CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(id, by, async (db, recipe) =>
        {
            var material = await MaterialAsync(db, line.MaterialCode, cancellationToken);
            recipe.UpdateMaterial(material.Code, Amount(material, line.Quantity), line.TolerancePercentBelow, line.TolerancePercentAbove, line.StepNumber);
        }, cancellationToken);

    public Task RemoveMaterialAsync(Guid id, string materialCode, AuditActor by, CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(id, by, recipe => recipe.RemoveMaterial(new MaterialCode(materialCode)), cancellationToken);

    // ----- Life cycle -----

    /// <summary>
    /// A new Draft (version + 1) copied from <paramref name="id"/>, which must be the latest version of
    /// its product and no longer a Draft; authored by <paramref name="by"/>. Returns the new version's id.
    /// </summary>
    public async Task<Guid> NewVersionAsync(Guid id, AuditActor by, CancellationToken cancellationToken = default)
    {
        var author = AuthorOf(by);
        await using var db = await OpenAsync(by, cancellationToken);
        var recipe = await LoadAsync(db, id, cancellationToken);
        var latest = await db.MasterRecipes.AsNoTracking().Where(r => r.ProductCode == recipe.ProductCode)
            .OrderByDescending(r => r.Version).FirstAsync(cancellationToken);
        if (latest.Id != recipe.Id)
            throw new DomainException(latest.Status == RecipeStatus.Draft
                ? $"{latest.Label} is already a Draft: change that version rather than starting another."
                : $"{latest.Label} is the latest version: make the new version from it.");
        var next = recipe.NewVersion(author, await PrintedNameAsync(db, author, by, cancellationToken), clock.GetUtcNow());
        db.MasterRecipes.Add(next);
        await db.SaveChangesAsync(cancellationToken);
        return next.Id;
    }

    /// <summary>
    /// Approves a Draft: the approver re-enters user name and password and signs the recipe's content
    /// with the meaning Approved; the earlier Approved version of the product becomes Obsolete. The
    /// approval, the signature and the obsoletion are saved together. The author cannot approve.
    /// </summary>
    public async Task<RecipeSignature> ApproveAsync(Guid id, SignatureCredentials credentials, AuditActor by, string? comment = null,
        CancellationToken cancellationToken = default)
    {
        var approver = by.UserId ?? throw new DomainException("Only a signed-in person can approve a master batch record.");
        await using var db = await OpenAsync(by, cancellationToken);
        var recipe = await LoadAsync(db, id, cancellationToken);
        var now = clock.GetUtcNow();
        // The rules first (status, steps, approver is not the author): a refused approval asks for no password.
        recipe.Approve(approver, now);
        var signature = await signing.SignAsync(db, by, credentials,
            new SignatureRequest(SignatureMeaning.Approved, SubjectType, recipe.Id, recipe.Content(), comment), cancellationToken);
        var replaced = await db.MasterRecipes
            .Where(r => r.ProductCode == recipe.ProductCode && r.Status == RecipeStatus.Approved && r.Id != recipe.Id)
            .ToListAsync(cancellationToken);
        foreach (var previous in replaced)
            recipe.Supersede(previous, now);
        await db.SaveChangesAsync(cancellationToken);
        return new RecipeSignature(signature, signature.IsValidFor(recipe.Content()));
    }

    /// <summary>Withdraws an Approved version without a successor: no new batch can be made with it. A reason is required.</summary>
    public async Task MakeObsoleteAsync(Guid id, string reason, AuditActor by, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Give the reason the version is withdrawn: it is kept in the audit trail.");
        await using var db = await OpenAsync(by.Because(reason.Trim()), cancellationToken);
        var recipe = await LoadAsync(db, id, cancellationToken);
        recipe.MakeObsolete(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    // ----- Helpers -----

    private Task ChangeDraftAsync(Guid id, AuditActor by, Action<MasterRecipe> change, CancellationToken cancellationToken) =>
        ChangeDraftAsync(id, by, (_, recipe) =>
        {
            change(recipe);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Loads the version tracked, lets the domain change it, and saves it under <paramref name="by"/>; nothing is saved when the domain refuses.</summary>
    private async Task ChangeDraftAsync(Guid id, AuditActor by, Func<MesDbContext, MasterRecipe, Task> change, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(by, cancellationToken);
        var recipe = await LoadAsync(db, id, cancellationToken);
        var before = Parts(recipe);
        await change(db, recipe);
        // The domain drops removed parts from its lists; the context is told so explicitly, as the
        // recipe's relationships do not delete their orphans (the audit trail records each removal).
        foreach (var removed in before.Except(Parts(recipe)))
            db.Remove(removed);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static HashSet<object> Parts(MasterRecipe recipe) =>
    [
        .. recipe.BillOfMaterials,
        .. recipe.Steps,
        .. recipe.Steps.SelectMany(s => s.Parameters),
        .. recipe.Steps.SelectMany(s => s.Checks),
    ];

    private async Task<MesDbContext> OpenAsync(AuditActor by, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(by, cancellationToken);
        return db;
    }

    private static IQueryable<MasterRecipe> WithContent(IQueryable<MasterRecipe> recipes) =>
        recipes
            .Include(r => r.Steps).ThenInclude(s => s.Parameters)
            .Include(r => r.Steps).ThenInclude(s => s.Checks)
            .Include(r => r.BillOfMaterials)
            .AsSplitQuery();

    private static async Task<MasterRecipe> LoadAsync(MesDbContext db, Guid id, CancellationToken cancellationToken) =>
        await WithContent(db.MasterRecipes).SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw NotFound();

    private static DomainException NotFound() => new("That master batch record does not exist.");

    private static async Task<RecipeDetails> DetailsAsync(MesDbContext db, MasterRecipe recipe, CancellationToken cancellationToken)
    {
        var signatures = await db.Signatures.AsNoTracking()
            .Where(s => s.SubjectType == SubjectType && s.SubjectId == recipe.Id)
            .ToListAsync(cancellationToken);
        var content = recipe.Content();
        var codes = recipe.BillOfMaterials.Select(l => l.MaterialCode).Append(recipe.ProductCode).ToList();
        var names = await db.Materials.AsNoTracking().Where(m => codes.Contains(m.Code)).ToListAsync(cancellationToken);
        var versions = await SummariesAsync(db, db.MasterRecipes.AsNoTracking().Where(r => r.ProductCode == recipe.ProductCode), cancellationToken);
        return new RecipeDetails(recipe,
            signatures.OrderBy(s => s.SignedAt).Select(s => new RecipeSignature(s, s.IsValidFor(content))).ToList(),
            names.ToDictionary(m => m.Code.Value, m => m.Name),
            versions);
    }

    private static async Task<IReadOnlyList<RecipeSummary>> SummariesAsync(MesDbContext db, IQueryable<MasterRecipe> recipes, CancellationToken cancellationToken)
    {
        var found = await recipes.ToListAsync(cancellationToken);
        var ids = found.Select(r => r.Id).ToList();
        var approvals = (await db.Signatures.AsNoTracking()
                .Where(s => s.SubjectType == SubjectType && s.Meaning == SignatureMeaning.Approved && ids.Contains(s.SubjectId))
                .Select(s => new { s.SubjectId, s.PrintedName, s.SignedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(s => s.SubjectId)
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.SignedAt)!.PrintedName);
        return found
            .OrderBy(r => r.ProductCode.Value, StringComparer.Ordinal).ThenByDescending(r => r.Version)
            .Select(r => new RecipeSummary(r.Id, r.ProductCode.Value, r.ProductName, r.Version, r.Status, r.AuthorName, r.CreatedAt,
                r.ApprovedAt, approvals.GetValueOrDefault(r.Id), r.ObsoletedAt))
            .ToList();
    }

    private static async Task<Material> ProductAsync(MesDbContext db, string? productCode, CancellationToken cancellationToken)
    {
        var product = await MaterialAsync(db, productCode, cancellationToken);
        if (product.Type is not (MaterialType.FinishedGood or MaterialType.Intermediate))
            throw new DomainException($"{product.Code} is a {product.Type}: a master batch record makes a finished good or an intermediate.");
        return product;
    }

    private static async Task<Material> MaterialAsync(MesDbContext db, string? materialCode, CancellationToken cancellationToken)
    {
        var code = new MaterialCode(materialCode ?? "");
        return await db.Materials.AsNoTracking().SingleOrDefaultAsync(m => m.Code == code, cancellationToken)
            ?? throw new DomainException($"There is no material {code} in the material master.");
    }

    // The standard batch size is in the product's unit, so every order for it scales the recipe without conversion.
    private static Quantity BatchSize(Material product, decimal amount) =>
        amount > 0 ? product.QuantityOf(amount) : throw new DomainException("The standard batch size must be more than zero.");

    // Materials are dispensed in the unit of their material master, the unit their lots are counted in.
    private static Quantity Amount(Material material, decimal amount) =>
        amount > 0 ? material.QuantityOf(amount) : throw new DomainException($"The quantity of {material.Code} must be more than zero.");

    private static UnitOfMeasure Unit(string? symbol) => new(symbol ?? "");

    // A recipe names its author as signatures name their signer: by the full name, not the log-in.
    private static async Task<string> PrintedNameAsync(MesDbContext db, Guid userId, AuditActor by, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken) is { Length: > 0 } fullName
            ? fullName
            : by.Name;

    private static Guid AuthorOf(AuditActor by) =>
        by.UserId ?? throw new DomainException("Only a signed-in person can author a master batch record.");
}
