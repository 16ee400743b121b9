using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Planning;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class ScheduleImpactConfiguration : IEntityTypeConfiguration<ScheduleImpact>
{
    public void Configure(EntityTypeBuilder<ScheduleImpact> builder)
    {
        builder.ToTable("ScheduleImpacts");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Cause).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Subject).HasMaxLength(60).IsRequired();
        builder.Property(i => i.Description).HasMaxLength(ScheduleImpact.DescriptionMaxLength).IsRequired();
        builder.Property(i => i.Method).HasMaxLength(ScheduleImpact.MethodMaxLength).IsRequired();
        builder.Property(i => i.DecidedBy).HasMaxLength(200);
        builder.Property(i => i.DecisionReason).HasMaxLength(ScheduleImpact.ReasonMaxLength);
        builder.Property(i => i.HeldBatches).HasJsonDocument();
        builder.Property(i => i.Orders).HasJsonDocument();
        builder.Property(i => i.Proposal).HasJsonDocument();
        builder.HasIndex(i => i.RaisedAt);
        builder.HasIndex(i => i.Status);
    }
}
