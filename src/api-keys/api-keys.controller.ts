import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { UuidParam } from '../auth/uuid-param';
import { ApiProblems } from '../common/problem.dto';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyListDto, CreatedApiKeyDto } from './dto/api-key.dto';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

@ApiTags('api-keys')
@ApiBearerAuth('bearer')
@Roles('owner', 'admin')
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key (its secret is shown once)' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiProblems(400, 401, 403, 413, 415)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(caller, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List API keys, newest first, without secrets' })
  @ApiOkResponse({ type: ApiKeyListDto })
  @ApiProblems(401, 403)
  list(@CurrentCaller() caller: Caller): Promise<ApiKeyListDto> {
    return this.apiKeys.list(caller);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke an API key; it stops working immediately' })
  @ApiNoContentResponse({ description: 'Revoked (also when it already was).' })
  @ApiProblems(400, 401, 403, 404)
  async revoke(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<void> {
    await this.apiKeys.revoke(caller, id);
  }
}
