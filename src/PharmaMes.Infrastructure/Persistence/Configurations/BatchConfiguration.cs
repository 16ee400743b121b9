using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class BatchConfiguration : IEntityTypeConfiguration<Batch>
{
    public void Configure(EntityTypeBuilder<Batch> builder)
    {
        builder.ToTable("Batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Number).HasConversion(v => v.Value, v => new BatchNumber(v)).HasMaxLength(BatchNumber.MaxLength);
        builder.HasIndex(b => b.Number).IsUnique();
        builder.HasOne<ProductionOrder>().WithMany().HasForeignKey(b => b.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MasterRecipe>().WithMany().HasForeignKey(b => b.RecipeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(b => b.ProductCode).HasMaterialCode();
        builder.HasQuantity(b => b.PlannedQuantity, "PlannedQuantity");
        builder.Property(b => b.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Disposition).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.AbortReason).HasMaxLength(Batch.ReasonMaxLength);
        builder.Property(b => b.HoldReason).HasMaxLength(Batch.ReasonMaxLength);
        builder.Property(b => b.RejectReason).HasMaxLength(Batch.ReasonMaxLength);
        builder.Property(b => b.DispositionByName).HasMaxLength(BatchRecordEntry.UserNameMaxLength);
        // Two people acting on one batch at once: the second save fails instead of overwriting the first.
        builder.Property(b => b.NextEntrySequence).IsConcurrencyToken();
        builder.HasMany(b => b.Steps).WithOne().HasForeignKey(s => s.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(b => b.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(b => b.NewEntries);
        builder.HasIndex(b => new { b.State, b.Disposition });
    }
}
