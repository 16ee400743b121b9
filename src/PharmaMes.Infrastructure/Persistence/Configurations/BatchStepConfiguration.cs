using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class BatchStepConfiguration : IEntityTypeConfiguration<BatchStep>
{
    public void Configure(EntityTypeBuilder<BatchStep> builder)
    {
        builder.ToTable("BatchSteps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => new { s.BatchId, s.Number }).IsUnique();
        // OEE reads which product each equipment made when: its batch steps by equipment and start.
        builder.HasIndex(s => new { s.EquipmentCode, s.StartedAt });
        builder.Property(s => s.Name).HasMaxLength(RecipeStep.NameMaxLength).IsRequired();
        builder.Property(s => s.Instructions).HasMaxLength(RecipeStep.InstructionsMaxLength).IsRequired();
        builder.Property(s => s.RequiredEquipmentClass).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.EquipmentCode).HasConversion(v => v!.Value.Value, v => new PlantCode(v)).HasMaxLength(PlantCode.MaxLength);
        builder.Property(s => s.StartedByName).HasMaxLength(BatchRecordEntry.UserNameMaxLength);
        builder.Property(s => s.PerformedByName).HasMaxLength(BatchRecordEntry.UserNameMaxLength);
        builder.Property(s => s.VerifiedByName).HasMaxLength(BatchRecordEntry.UserNameMaxLength);
        builder.Property(s => s.SkipReason).HasMaxLength(BatchStep.ReasonMaxLength);
        builder.HasMany(s => s.Values).WithOne().HasForeignKey(v => v.BatchStepId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Materials).WithOne().HasForeignKey(m => m.BatchStepId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.Values).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(s => s.Materials).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(s => s.Label);
        builder.Ignore(s => s.IsDone);
    }
}
