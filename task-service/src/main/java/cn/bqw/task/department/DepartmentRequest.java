package cn.bqw.task.department;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A department to register: {@code {"code":"440100-NYNCJ","nameZh":"市农业农村局","region":"440100000000"}}. */
public record DepartmentRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", message = "must be 1–64 letters, digits, _ . -")
                String code,
        @NotBlank @Size(max = 200) String nameZh,
        @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code") String region) {}
