using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class QualityExceptionConfiguration : IEntityTypeConfiguration<QualityException>
{
    public void Configure(EntityTypeBuilder<QualityException> builder)
    {
        builder.ToTable("QualityExceptions");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Number).HasConversion(v => v.Value, v => new QualityExceptionNumber(v)).HasMaxLength(QualityExceptionNumber.MaxLength);
        builder.HasIndex(q => q.Number).IsUnique();
        builder.HasOne<Batch>().WithMany().HasForeignKey(q => q.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(q => q.BatchNumber).HasConversion(v => v!.Value.Value, v => new BatchNumber(v)).HasMaxLength(BatchNumber.MaxLength);
        builder.Property(q => q.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(q => q.Title).HasMaxLength(QualityException.TitleMaxLength).IsRequired();
        builder.Property(q => q.Description).HasMaxLength(QualityException.DescriptionMaxLength).IsRequired();
        builder.Property(q => q.RaisedByName).HasMaxLength(QualityException.UserNameMaxLength).IsRequired();
        builder.Property(q => q.ClosedByName).HasMaxLength(QualityException.UserNameMaxLength);
        builder.Property(q => q.Closure).HasMaxLength(QualityException.ClosureMaxLength);
        builder.HasIndex(q => new { q.BatchId, q.Status });
        builder.HasMany(q => q.Notes).WithOne().HasForeignKey(n => n.QualityExceptionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(q => q.Notes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(q => q.IsOpen);
    }
}
