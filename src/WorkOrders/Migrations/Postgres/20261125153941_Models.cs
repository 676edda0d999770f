using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkOrders.Maintenance.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Models : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DetectedAt",
                table: "WorkOrders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModelVersion",
                table: "WorkOrders",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ModelVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssetType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TrainedFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TrainedTo = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Devices = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    MetricsJson = table.Column<string>(type: "text", nullable: false),
                    Artifact = table.Column<byte[]>(type: "bytea", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ActivatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    PreviousActiveId = table.Column<Guid>(type: "uuid", nullable: true),
                    Concurrency = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PredictionOutcomes",
                columns: table => new
                {
                    WorkOrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkOrderNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DeviceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AssetType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    EpisodeStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EpisodeEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ModelVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Finding = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FailureMode = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PredictionOutcomes", x => x.WorkOrderId);
                    table.ForeignKey(
                        name: "FK_PredictionOutcomes_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ModelVersions_ActivePerAssetType",
                table: "ModelVersions",
                column: "AssetType",
                unique: true,
                filter: "\"Status\" = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_ModelVersions_AssetType_Number",
                table: "ModelVersions",
                columns: new[] { "AssetType", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PredictionOutcomes_AssetType_EpisodeStart",
                table: "PredictionOutcomes",
                columns: new[] { "AssetType", "EpisodeStart" });

            migrationBuilder.CreateIndex(
                name: "IX_PredictionOutcomes_ModelVersion",
                table: "PredictionOutcomes",
                column: "ModelVersion");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ModelVersions");

            migrationBuilder.DropTable(
                name: "PredictionOutcomes");

            migrationBuilder.DropColumn(
                name: "DetectedAt",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "ModelVersion",
                table: "WorkOrders");
        }
    }
}
